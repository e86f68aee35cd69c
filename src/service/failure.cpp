#include "service/failure.hpp"

#include "store/database.hpp"

namespace huidig::service {

std::optional<Error> FailureOf(const std::exception& e) {
  if (store::IsStorageFull(e)) return Error{Errc::kStorageFull, "storage_full", {}, {}, {}};
  return std::nullopt;
}

}  // namespace huidig::service
