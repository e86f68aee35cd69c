#pragma once

#include <cstddef>
#include <string_view>

namespace huidig {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view s);
// Number of code points; REQUIRES: IsValidUtf8(s).
std::size_t CodePointCount(std::string_view s);
// True when s holds a C0/C1 control character other than tab, CR and LF.
bool HasControlCharacters(std::string_view s);

}  // namespace huidig
