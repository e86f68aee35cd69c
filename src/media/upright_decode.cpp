#include "media/upright_decode.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "media/orientation.hpp"

namespace huidig::media {
namespace {

// Box means of factor x factor pixels of the stored image, fed one row at a time: each row is
// added to a column sum (a plain loop over bytes, which the compiler vectorises), and every
// factor rows the column sums are added across. A remainder at the right or bottom edge (less
// than one box) is left out.
// In blocks of 32 with no overlap (restrict), which g++ vectorises even at -O2.
void AddColumns(std::uint16_t* __restrict sums, const std::uint8_t* __restrict row, std::size_t n) {
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (std::size_t k = 0; k < 32; ++k)
      sums[i + k] = static_cast<std::uint16_t>(sums[i + k] + row[i + k]);
  for (; i < n; ++i) sums[i] = static_cast<std::uint16_t>(sums[i] + row[i]);
}

class BoxReducer {
 public:
  static constexpr int kMaxFactor = 256;  // factor * 255 fits the 16-bit column sums
  static_assert(kMaxFactor * 255 <= 0xFFFF);

  BoxReducer(int width, int height, int bands, int factor)
      : factor_(factor),
        bands_(bands),
        out_(width / factor, height / factor, bands),
        columns_(static_cast<std::size_t>(out_.width()) * factor * bands, 0) {}

  void AddRow(const std::uint8_t* row, int y) {
    if (y >= out_.height() * factor_) return;
    AddColumns(columns_.data(), row, columns_.size());
    const std::uint16_t* c = columns_.data();
    if ((y + 1) % factor_ != 0) return;
    const std::uint32_t area = static_cast<std::uint32_t>(factor_) * factor_;
    std::uint8_t* out = out_.data() + static_cast<std::size_t>(y / factor_) * out_.width() * bands_;
    for (int x = 0; x < out_.width(); ++x) {
      for (int b = 0; b < bands_; ++b) {
        std::uint32_t sum = 0;
        const std::uint16_t* p = c + (static_cast<std::size_t>(x) * factor_) * bands_ + b;
        for (int k = 0; k < factor_; ++k, p += bands_) sum += *p;
        *out++ = static_cast<std::uint8_t>((sum + area / 2) / area);
      }
    }
    std::fill(columns_.begin(), columns_.end(), 0);
  }

  PixelBuffer Take() { return std::move(out_); }

 private:
  int factor_;
  int bands_;
  PixelBuffer out_;
  std::vector<std::uint16_t> columns_;
};

struct Sink {
  PixelMap to_upright;
  int width;  // as stored
  int bands;
  std::uint8_t* upright;
  BoxReducer* reducer;
};

// One strip of whole stored rows. Orientations 1..4 keep a stored row in an upright row
// (forwards or backwards); 5..8 make it an upright column, so the strip is walked column by
// column, each stored column becoming a run of neighbouring pixels in one upright row.
template <int kBands>
void Place(const Sink& s, const std::uint8_t* top, std::size_t stride, int y0, int rows) {
  const PixelMap m = s.to_upright;
  const int width = s.width;
  std::uint8_t* const upright = s.upright;
  if (m.dx == 1 || m.dx == -1) {
    for (int j = 0; j < rows; ++j) {
      const std::uint8_t* src = top + j * stride;
      std::uint8_t* d = upright + (m.base + (y0 + j) * m.dy) * kBands;
      if (m.dx == 1) {
        std::memcpy(d, src, static_cast<std::size_t>(width) * kBands);
      } else {
        for (int x = 0; x < width; ++x, src += kBands, d -= kBands) std::memcpy(d, src, kBands);
      }
    }
    return;
  }
  const std::ptrdiff_t step = m.dy * kBands;
  for (int x = 0; x < width; ++x) {
    const std::uint8_t* src = top + static_cast<std::size_t>(x) * kBands;
    std::uint8_t* d = upright + (m.base + x * m.dx + y0 * m.dy) * kBands;
    for (int j = 0; j < rows; ++j, src += stride, d += step) std::memcpy(d, src, kBands);
  }
}

int WriteStrip(VipsRegion* region, VipsRect* area, void* a) {
  const Sink& s = *static_cast<const Sink*>(a);
  const auto* top = reinterpret_cast<const std::uint8_t*>(VIPS_REGION_ADDR(region, 0, area->top));
  const std::size_t stride = VIPS_REGION_LSKIP(region);
  if (s.bands == 3) {
    Place<3>(s, top, stride, area->top, area->height);
  } else {
    Place<1>(s, top, stride, area->top, area->height);
  }
  for (int j = 0; j < area->height; ++j) s.reducer->AddRow(top + j * stride, area->top + j);
  return 0;
}

}  // namespace

DecodedPhoto DecodeUpright(const vips::VImage& image, int orientation, int reduce, int workers,
                           BufferPool* pool) {
  const int width = image.width();
  const int height = image.height();
  const int bands = image.bands();
  if (image.format() != VIPS_FORMAT_UCHAR || (bands != 1 && bands != 3))
    throw std::invalid_argument("DecodeUpright needs 8-bit pixels with 1 or 3 bands");
  const bool swaps = SwapsSides(orientation);
  PixelBuffer upright(swaps ? height : width, swaps ? width : height, bands, pool);
  BoxReducer reducer(width, height, bands,
                     std::clamp(reduce, 1, std::min({width, height, BoxReducer::kMaxFactor})));
  const Sink sink{StoredToUpright(orientation, width, height), width, bands, upright.data(),
                  &reducer};
  vips::VImage source = image;
  if (workers > 0) {
    source = image.copy();
    source.set(VIPS_META_CONCURRENCY, workers);
  }
  if (vips_sink_disc(source.get_image(), WriteStrip, const_cast<Sink*>(&sink)) != 0)
    throw vips::VError();
  return DecodedPhoto{std::move(upright), reducer.Take()};
}

}  // namespace huidig::media
