#include "media/blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include "store/photo_repo.hpp"

namespace huidig::media {
namespace {

using store::StorageFull;

[[noreturn]] void ThrowFileError(const char* what, int err) {
  if (err == ENOSPC || err == EDQUOT) throw StorageFull(std::string("photo store: ") + what);
  throw std::system_error(err, std::generic_category(), std::string("photo store: ") + what);
}

// Durable: written to a temp file, flushed to disk, then renamed into place. On any failure
// the temp file goes (a full disk must not fill up with halves).
void WriteFileDurably(const std::filesystem::path& path, const std::string& data) {
  std::error_code made;
  std::filesystem::create_directories(path.parent_path(), made);
  if (made) ThrowFileError("cannot make a folder", made.value());
  const auto tmp = path.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) ThrowFileError("cannot create a file", errno);
  const auto fail = [&](const char* what, int err) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    ThrowFileError(what, err);
  };
  std::size_t done = 0;
  while (done < data.size()) {
    const auto n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write failed", n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("fsync failed", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    ThrowFileError("close failed", err);
  }
  std::error_code renamed;
  std::filesystem::rename(tmp, path, renamed);
  if (renamed) {
    ::unlink(tmp.c_str());
    ThrowFileError("rename failed", renamed.value());
  }
}

class FileBlobStore final : public BlobStore {
 public:
  explicit FileBlobStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

  void Put(store::Tx&, const BlobRef& ref, const std::string& sealed, BlobUndo& undo) const override {
    const auto path = File(ref);
    undo.RemoveUnlessKept(path);  // before writing: a half-done write is taken back as well
    WriteFileDurably(path, sealed);
  }

  std::optional<std::string> Get(store::Tx&, const BlobRef& ref) const override {
    std::ifstream in(File(ref), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  std::filesystem::path File(const BlobRef& ref) const {
    return folder_ / ref.practice.value / ref.client.value / (ref.photo_id.value + "." + ref.kind + ".sealed");
  }
  std::filesystem::path folder_;
};

class DatabaseBlobStore final : public BlobStore {
 public:
  void Put(store::Tx& tx, const BlobRef& ref, const std::string& sealed, BlobUndo&) const override {
    repo_.InsertBlob(tx, {ref.photo_id, ref.practice, ref.location, ref.client}, ref.kind, sealed);
  }
  std::optional<std::string> Get(store::Tx& tx, const BlobRef& ref) const override {
    return repo_.FindBlob(tx, ref.photo_id, ref.kind);
  }

 private:
  store::PhotoRepo repo_;
};

}  // namespace

BlobUndo::~BlobUndo() {
  if (kept_) return;
  for (const auto& f : files_) {
    std::error_code ignored;
    std::filesystem::remove(f, ignored);
  }
}

void BlobUndo::RemoveUnlessKept(std::filesystem::path file) {
  for (const auto& f : files_)
    if (f == file) return;  // the writer may run a job again
  files_.push_back(std::move(file));
}

std::unique_ptr<BlobStore> MakeFileBlobStore(std::filesystem::path folder) {
  return std::make_unique<FileBlobStore>(std::move(folder));
}

std::unique_ptr<BlobStore> MakeDatabaseBlobStore() { return std::make_unique<DatabaseBlobStore>(); }

std::unique_ptr<BlobStore> MakeBlobStore(store::Dialect dialect, std::filesystem::path folder) {
  if (dialect == store::Dialect::kPostgres) return MakeDatabaseBlobStore();
  return MakeFileBlobStore(std::move(folder));
}

}  // namespace huidig::media
