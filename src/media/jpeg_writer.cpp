#include "media/jpeg_writer.hpp"

#include <jpeglib.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "media/orientation.hpp"

namespace huidig::media {
namespace {

static_assert(PixelBuffer::kMaxSide <= JPEG_MAX_DIMENSION);

constexpr int kRestartCycle = 8;      // RST0..RST7: bands start at multiples of eight MCU rows
constexpr int kMinGroupsPerBand = 4;  // below 32 MCU rows a thread costs more than it saves
constexpr int kChunkRows = 128;       // upright rows gathered at a time

struct Geometry {
  const std::uint8_t* data;
  int bands;
  int width;      // upright
  int height;     // upright
  PixelMap walk;  // upright to stored
  int mcu_height;
};

// Points rows[0..n) at upright rows y..y+n: straight into the decoded image where a row runs
// forwards through it (orientations 1 and 4), otherwise gathered into scratch.
template <int kBands>
void Rows(const Geometry& g, int y, int n, std::uint8_t* scratch, JSAMPROW* rows) {
  const PixelMap& w = g.walk;
  const std::uint8_t* src = g.data;
  const std::size_t row_bytes = static_cast<std::size_t>(g.width) * kBands;
  if (w.dx == 1) {
    for (int j = 0; j < n; ++j)
      rows[j] = const_cast<JSAMPROW>(src + (w.base + (y + j) * w.dy) * kBands);
    return;
  }
  for (int j = 0; j < n; ++j) rows[j] = scratch + j * row_bytes;
  if (w.dx == -1) {  // a decoded row, read backwards
    for (int j = 0; j < n; ++j) {
      const std::uint8_t* s = src + (w.base + (y + j) * w.dy) * kBands;
      std::uint8_t* d = rows[j];
      for (int x = 0; x < g.width; ++x, s -= kBands, d += kBands) std::memcpy(d, s, kBands);
    }
    return;
  }
  // A decoded column per upright row: walk the decoded rows once, taking n neighbouring
  // pixels from each (n is up to 128, so each visit to a page of the decoded image reads
  // several cache lines and the upright rows being written stay in the cache).
  for (int x = 0; x < g.width; ++x) {
    const std::uint8_t* s = src + (w.base + x * w.dx + y * w.dy) * kBands;
    std::uint8_t* d = scratch + static_cast<std::size_t>(x) * kBands;
    for (int j = 0; j < n; ++j, s += w.dy * kBands, d += row_bytes) std::memcpy(d, s, kBands);
  }
}

struct ErrorManager {
  jpeg_error_mgr pub;
  std::jmp_buf jump;
};

[[noreturn]] void OnError(j_common_ptr cinfo) {
  std::longjmp(reinterpret_cast<ErrorManager*>(cinfo->err)->jump, 1);
}
void Quiet(j_common_ptr) {}

struct Band {
  int y0 = 0;  // upright rows [y0, y1)
  int y1 = 0;
  std::vector<unsigned char> out;  // the band's file; owned here, whatever libjpeg does
  bool ok = false;
};

// libjpeg writes into a vector that the band owns (jpeg_mem_dest would leave the band holding
// a freed pointer when an error comes after it grew its buffer). A vector that cannot grow
// ends the encoding through libjpeg's error exit, never by an exception through C.
struct VectorDestination {
  jpeg_destination_mgr pub;  // first: libjpeg sees only this
  std::vector<unsigned char>* out;
};

bool Grow(VectorDestination& d, std::size_t used) noexcept {
  try {
    d.out->resize(std::max<std::size_t>(64 * 1024, d.out->size() * 2));
  } catch (...) {
    return false;
  }
  d.pub.next_output_byte = d.out->data() + used;
  d.pub.free_in_buffer = d.out->size() - used;
  return true;
}

VectorDestination& DestinationOf(j_compress_ptr cinfo) {
  return *reinterpret_cast<VectorDestination*>(cinfo->dest);
}

void InitDestination(j_compress_ptr cinfo) {
  DestinationOf(cinfo).out->clear();
  if (!Grow(DestinationOf(cinfo), 0)) cinfo->err->error_exit(reinterpret_cast<j_common_ptr>(cinfo));
}

boolean EmptyOutputBuffer(j_compress_ptr cinfo) {  // the whole buffer is full
  VectorDestination& d = DestinationOf(cinfo);
  if (!Grow(d, d.out->size())) cinfo->err->error_exit(reinterpret_cast<j_common_ptr>(cinfo));
  return TRUE;
}

void TermDestination(j_compress_ptr cinfo) {
  VectorDestination& d = DestinationOf(cinfo);
  d.out->resize(d.out->size() - d.pub.free_in_buffer);
}

// One band as a complete JPEG of its own. Plain C data only in this frame (setjmp); cinfo,
// err and dest are not changed between setjmp and a longjmp that lands here.
bool CompressBand(const Geometry& g, int quality, Band& band, std::uint8_t* scratch) {
  jpeg_compress_struct cinfo;
  ErrorManager err;
  VectorDestination dest{{}, &band.out};
  dest.pub.init_destination = InitDestination;
  dest.pub.empty_output_buffer = EmptyOutputBuffer;
  dest.pub.term_destination = TermDestination;
  cinfo.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = OnError;
  err.pub.output_message = Quiet;
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&cinfo);
    return false;
  }
  jpeg_create_compress(&cinfo);
  cinfo.dest = &dest.pub;
  cinfo.image_width = static_cast<JDIMENSION>(g.width);
  cinfo.image_height = static_cast<JDIMENSION>(band.y1 - band.y0);
  cinfo.input_components = g.bands;
  cinfo.in_color_space = g.bands == 3 ? JCS_RGB : JCS_GRAYSCALE;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  cinfo.optimize_coding = FALSE;  // the standard tables: the same in every band
  cinfo.dct_method = JDCT_ISLOW;
  cinfo.restart_in_rows = 1;
  cinfo.write_JFIF_header = TRUE;
  cinfo.write_Adobe_marker = FALSE;
  if (g.bands == 3) {  // 4:2:0
    cinfo.comp_info[0].h_samp_factor = cinfo.comp_info[0].v_samp_factor = 2;
    for (int c = 1; c < 3; ++c)
      cinfo.comp_info[c].h_samp_factor = cinfo.comp_info[c].v_samp_factor = 1;
  }
  jpeg_start_compress(&cinfo, TRUE);
  JSAMPROW rows[kChunkRows];
  while (cinfo.next_scanline < cinfo.image_height) {
    const int y = static_cast<int>(cinfo.next_scanline);
    const int n = std::min(kChunkRows, static_cast<int>(cinfo.image_height) - y);
    if (g.bands == 3) {
      Rows<3>(g, band.y0 + y, n, scratch, rows);
    } else {
      Rows<1>(g, band.y0 + y, n, scratch, rows);
    }
    for (int done = 0; done < n;)
      done += static_cast<int>(
          jpeg_write_scanlines(&cinfo, rows + done, static_cast<JDIMENSION>(n - done)));
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return true;
}

void EncodeBand(const Geometry& g, int quality, Band& band) noexcept {
  try {
    // Rows that run forwards through the image are read where they are; others are gathered.
    std::vector<std::uint8_t> scratch;
    if (g.walk.dx != 1) scratch.resize(static_cast<std::size_t>(kChunkRows) * g.width * g.bands);
    band.ok = CompressBand(g, quality, band, scratch.data());
  } catch (...) {
    band.ok = false;
  }
}

// The entropy-coded data of one band's file: from just past its SOS segment to its EOI.
struct Scan {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t sof = 0;  // where its SOF0 marker is
};

Scan FindScan(const unsigned char* p, std::size_t n) {
  Scan scan;
  std::size_t i = 2;  // past SOI
  while (i + 4 <= n && p[i] == 0xFF) {
    const unsigned marker = p[i + 1];
    const std::size_t length = (std::size_t{p[i + 2]} << 8) | p[i + 3];
    if (marker == 0xC0) scan.sof = i;
    if (marker == 0xDA) {
      scan.start = i + 2 + length;
      scan.end = n - 2;
      if (scan.sof == 0 || scan.start > scan.end || p[n - 2] != 0xFF || p[n - 1] != 0xD9) break;
      return scan;
    }
    i += 2 + length;
  }
  throw std::runtime_error("libjpeg wrote an unexpected file");
}

}  // namespace

int UprightWidth(const PixelBuffer& image, int orientation) {
  return SwapsSides(orientation) ? image.height() : image.width();
}
int UprightHeight(const PixelBuffer& image, int orientation) {
  return SwapsSides(orientation) ? image.width() : image.height();
}

std::string EncodeJpeg(const PixelBuffer& image, const JpegOptions& options) {
  if (options.quality < 1 || options.quality > 100)
    throw std::invalid_argument("quality must be 1..100");
  const Geometry g{image.data(),
                   image.bands(),
                   UprightWidth(image, options.orientation),
                   UprightHeight(image, options.orientation),
                   UprightToStored(options.orientation, image.width(), image.height()),
                   image.bands() == 3 ? 16 : 8};

  // Bands of whole groups of eight MCU rows, as many as there are threads and work for them.
  const int mcu_rows = (g.height + g.mcu_height - 1) / g.mcu_height;
  const int groups = (mcu_rows + kRestartCycle - 1) / kRestartCycle;
  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, std::max(1, groups / kMinGroupsPerBand));
  std::vector<Band> bands(static_cast<std::size_t>(threads));
  const int group_rows = kRestartCycle * g.mcu_height;
  for (int k = 0; k < threads; ++k) {
    bands[k].y0 = groups * k / threads * group_rows;
    bands[k].y1 = std::min(g.height, groups * (k + 1) / threads * group_rows);
  }

  {
    // A band whose thread the system refuses is encoded here; the others join on leaving.
    std::vector<std::jthread> workers;
    for (std::size_t k = 1; k < bands.size(); ++k) {
      try {
        workers.emplace_back([&g, &options, &band = bands[k]] { EncodeBand(g, options.quality, band); });
      } catch (const std::system_error&) {
        EncodeBand(g, options.quality, bands[k]);
      }
    }
    EncodeBand(g, options.quality, bands[0]);
  }
  for (const auto& b : bands)
    if (!b.ok) throw std::runtime_error("libjpeg failed to encode the photo");

  // The first band's header with the whole height, then every band's scan, each after the
  // restart marker that follows its previous MCU row, then EOI.
  std::vector<Scan> scans;
  std::size_t total = 0;
  for (const auto& b : bands) {
    scans.push_back(FindScan(b.out.data(), b.out.size()));
    total += scans.back().end - scans.back().start + 2;
  }
  std::string out;
  out.reserve(scans[0].start + total + 2);
  out.append(reinterpret_cast<const char*>(bands[0].out.data()), scans[0].start);
  out[scans[0].sof + 5] = static_cast<char>(g.height >> 8);
  out[scans[0].sof + 6] = static_cast<char>(g.height & 0xFF);
  for (std::size_t k = 0; k < bands.size(); ++k) {
    if (k > 0) {
      const int marker = (bands[k].y0 / g.mcu_height - 1) % kRestartCycle;
      out.push_back(static_cast<char>(0xFF));
      out.push_back(static_cast<char>(0xD0 + marker));
    }
    out.append(reinterpret_cast<const char*>(bands[k].out.data()) + scans[k].start,
               scans[k].end - scans[k].start);
  }
  out.push_back(static_cast<char>(0xFF));
  out.push_back(static_cast<char>(0xD9));
  return out;
}

}  // namespace huidig::media
