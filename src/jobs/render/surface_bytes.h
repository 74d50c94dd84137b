// cairo writes through a callback; these collect what it writes.
#pragma once
#include <cairo.h>

#include <string>

namespace sl::jobs::render {

cairo_status_t append_bytes(void* out, const unsigned char* data, unsigned int length);  // out: std::string*
std::string png_bytes(cairo_surface_t* image);

}  // namespace sl::jobs::render
