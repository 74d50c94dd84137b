#include "jobs/render/surface_bytes.h"

#include <stdexcept>

namespace sl::jobs::render {

cairo_status_t append_bytes(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string png_bytes(cairo_surface_t* image) {
  std::string out;
  if (cairo_surface_write_to_png_stream(image, append_bytes, &out) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cannot encode the chart as PNG");
  return out;
}

}  // namespace sl::jobs::render
