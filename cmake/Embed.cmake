# Build-time embedding of files into the binary as byte arrays.

# embed_sql_migrations(DIR OUT): every DIR/NNNN_name.sql becomes one entry of
# huidig::store::kMigrations, ordered by number.
function(embed_sql_migrations dir out)
  file(GLOB files CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT files)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${files}" -DMODE=migrations
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedRun.cmake
    DEPENDS ${files} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedRun.cmake
    COMMENT "Embedding SQL migrations"
    VERBATIM)
endfunction()

# embed_files(OUT NAMESPACE "name=path" ...): a lookup Find(name) -> std::string_view.
function(embed_files out ns)
  set(names "")
  set(paths "")
  foreach(pair ${ARGN})
    string(REPLACE "=" ";" parts ${pair})
    list(GET parts 0 n)
    list(GET parts 1 p)
    list(APPEND names ${n})
    list(APPEND paths ${p})
  endforeach()
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DNAMES=${names}" "-DFILES=${paths}" -DNS=${ns}
            -DMODE=files -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedRun.cmake
    DEPENDS ${paths} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedRun.cmake
    COMMENT "Embedding ${names}"
    VERBATIM)
endfunction()

# embed_web(OUT): builds the web app (scripts/build-web) and embeds web/dist.
function(embed_web out)
  set(web ${CMAKE_CURRENT_SOURCE_DIR}/web)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${web}/src/* ${web}/public/*)
  set(deps ${sources})
  foreach(f index.html package.json package-lock.json vite.config.ts tsconfig.json)
    if(EXISTS ${web}/${f})
      list(APPEND deps ${web}/${f})
    endif()
  endforeach()
  add_custom_command(OUTPUT ${out}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/scripts/build-web
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DDIR=${web}/dist -DMODE=dir
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedRun.cmake
    DEPENDS ${deps} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/build-web
            ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedRun.cmake
    COMMENT "Building and embedding the web app"
    VERBATIM)
endfunction()
