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
    COMMENT "Embedding SQL migrations")
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
    COMMENT "Embedding ${names}")
endfunction()
