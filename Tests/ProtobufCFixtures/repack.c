// Regenerate c_interop.pb-c.[ch] (protoc-c output, not edited by hand) with
//   cd Tests/ProtoRuntimeTests/Fixtures && protoc-c --c_out=../../ProtobufCFixtures c_interop.proto

#include "ProtobufCFixtures.h"

#include <stdlib.h>
#include <string.h>

#include "c_interop.pb-c.h"

static const ProtobufCMessageDescriptor *const known_types[] = {
    &jicengtest__c__leaf__descriptor,
    &jicengtest__c__flat__descriptor,
    &jicengtest__c__with_maps__descriptor,
};

long jiceng_protobuf_c_repack(const char *full_name, const uint8_t *data, size_t length, uint8_t **out) {
    const ProtobufCMessageDescriptor *descriptor = NULL;
    for (size_t i = 0; i < sizeof known_types / sizeof known_types[0]; i++) {
        if (strcmp(known_types[i]->name, full_name) == 0) descriptor = known_types[i];
    }
    if (descriptor == NULL) return -2;
    ProtobufCMessage *message = protobuf_c_message_unpack(descriptor, NULL, length, data);
    if (message == NULL) return -1;
    size_t size = protobuf_c_message_get_packed_size(message);
    // malloc(0) may return NULL; one spare byte keeps the result a valid pointer.
    *out = malloc(size + 1);
    size_t written = protobuf_c_message_pack(message, *out);
    protobuf_c_message_free_unpacked(message, NULL);
    return (long)written;
}
