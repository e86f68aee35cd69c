#pragma once
// Where the sealed photo files live (R-PHOTO-3): as files in the data folder on one machine
// (SQLite), or as rows of photo_blobs on PostgreSQL, so that several servers share them. A
// blob is put as part of the caller's write transaction; what a file store wrote is removed
// again when that transaction does not commit (BlobUndo), so a rolled-back upload leaves
// nothing behind.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/ids.hpp"
#include "store/database.hpp"

namespace huidig::media {

struct BlobRef {
  PracticeId practice;
  LocationId location;
  ClientId client;
  PhotoId photo_id;
  std::string kind;  // image | thumbnail
};

// What a write put outside the database: removed when this goes out of scope unless Keep()
// was called after the commit.
class BlobUndo {
 public:
  BlobUndo() = default;
  BlobUndo(const BlobUndo&) = delete;
  BlobUndo& operator=(const BlobUndo&) = delete;
  ~BlobUndo();
  void RemoveUnlessKept(std::filesystem::path file);
  void Keep() { kept_ = true; }

 private:
  std::vector<std::filesystem::path> files_;
  bool kept_ = false;
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Durable before it returns (a file is flushed to disk; a row commits with tx).
  virtual void Put(store::Tx& tx, const BlobRef& ref, const std::string& sealed,
                   BlobUndo& undo) const = 0;
  virtual std::optional<std::string> Get(store::Tx& tx, const BlobRef& ref) const = 0;
};

// Files under `folder` (the data folder's photos/).
std::unique_ptr<BlobStore> MakeFileBlobStore(std::filesystem::path folder);
// Rows of photo_blobs in the database itself.
std::unique_ptr<BlobStore> MakeDatabaseBlobStore();
// The one a deployment uses: files next to SQLite, rows on PostgreSQL.
std::unique_ptr<BlobStore> MakeBlobStore(store::Dialect dialect, std::filesystem::path folder);

}  // namespace huidig::media
