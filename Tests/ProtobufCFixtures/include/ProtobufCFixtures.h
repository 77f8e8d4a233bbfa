// libprotobuf-c as an independent oracle for the Swift wire codec (tests only).
#ifndef JICENG_PROTOBUF_C_FIXTURES_H
#define JICENG_PROTOBUF_C_FIXTURES_H

#include <stddef.h>
#include <stdint.h>

/// Unpacks `data` as the message type `full_name` (one of c_interop.proto's) with libprotobuf-c,
/// then packs it again into a buffer from malloc stored in `*out` (the caller frees it).
/// Returns the packed length; -1 when libprotobuf-c refuses the input, -2 for an unknown type.
long jiceng_protobuf_c_repack(const char *full_name, const uint8_t *data, size_t length, uint8_t **out);

#endif
