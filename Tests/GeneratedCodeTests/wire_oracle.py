"""Wire-format oracle for GeneratedCodeTests: Python's protobuf runtime, driven by the tests.

Reads one JSON request on stdin and writes one JSON answer on stdout. The schema comes from the
request as a serialized FileDescriptorSet (the descriptors our generated code embeds), so the
oracle and the Swift side always agree on the .proto files.

Requests:
  {"descriptor_set": hex, "check": [{"type", "text", "hex"}]}
      For each case: does `hex` (our encoding) decode to the message `text` (text format) describes?
      Answers {"equal", "error", "expected_hex"} where expected_hex is Python's deterministic
      encoding of `text`.
  {"descriptor_set": hex, "random": [{"type", "count", "seed"}]}
      Random messages of each type, deterministically encoded: {"hex": [..]} per entry.
  {"descriptor_set": hex, "same": [{"type", "hex", "text"}]}
      Here "text" is also hex: do both encodings decode to equal messages? {"equal", "error"}.
"""
import json
import math
import random
import sys

from google.protobuf import descriptor, descriptor_pb2, descriptor_pool, message_factory, text_format

FD = descriptor.FieldDescriptor


def load_pool(hex_set):
    fds = descriptor_pb2.FileDescriptorSet.FromString(bytes.fromhex(hex_set))
    pool = descriptor_pool.DescriptorPool()
    for f in fds.file:
        pool.Add(f)
    return pool


def message_class(pool, name):
    return message_factory.GetMessageClass(pool.FindMessageTypeByName(name))


def check(pool, cases):
    out = []
    for case in cases:
        cls = message_class(pool, case["type"])
        expected = text_format.Parse(case["text"], cls(), descriptor_pool=pool)
        answer = {"expected_hex": expected.SerializePartialToString(deterministic=True).hex(), "error": None}
        try:
            actual = cls.FromString(bytes.fromhex(case["hex"]))
            answer["equal"] = actual == expected
            if not answer["equal"]:
                answer["error"] = "decoded:\n" + text_format.MessageToString(actual, descriptor_pool=pool)
        except Exception as e:  # DecodeError and friends: report, do not crash
            answer["equal"] = False
            answer["error"] = repr(e)
        out.append(answer)
    return out


INT_EDGES = {
    FD.TYPE_INT32: [0, 1, -1, 127, 128, 2**31 - 1, -(2**31)],
    FD.TYPE_SINT32: [0, 1, -1, 2**31 - 1, -(2**31)],
    FD.TYPE_SFIXED32: [0, 1, -1, 2**31 - 1, -(2**31)],
    FD.TYPE_INT64: [0, 1, -1, 2**63 - 1, -(2**63), 2**35],
    FD.TYPE_SINT64: [0, 1, -1, 2**63 - 1, -(2**63)],
    FD.TYPE_SFIXED64: [0, 1, -1, 2**63 - 1, -(2**63)],
    FD.TYPE_UINT32: [0, 1, 127, 128, 2**32 - 1],
    FD.TYPE_FIXED32: [0, 1, 2**32 - 1],
    FD.TYPE_UINT64: [0, 1, 2**64 - 1, 2**63],
    FD.TYPE_FIXED64: [0, 1, 2**64 - 1],
}
TEXT_ALPHABET = "aZ09 _-\n\t\"\\é中文𝄞🙂\u0000\u007f"


def scalar(rng, f):
    t = f.type
    if t in INT_EDGES:
        if rng.random() < 0.5:
            return rng.choice(INT_EDGES[t])
        lo, hi = min(INT_EDGES[t]), max(INT_EDGES[t])
        return rng.randint(lo, hi)
    if t == FD.TYPE_BOOL:
        return rng.random() < 0.5
    if t in (FD.TYPE_DOUBLE, FD.TYPE_FLOAT):
        v = rng.choice([0.0, -0.0, 1.5, -2.25, math.inf, -math.inf, rng.uniform(-1e9, 1e9), 1e-300])
        if t == FD.TYPE_FLOAT and abs(v) == 1e-300:
            v = 1e-30
        return v
    if t == FD.TYPE_STRING:
        return "".join(rng.choice(TEXT_ALPHABET) for _ in range(rng.randint(0, 12)))
    if t == FD.TYPE_BYTES:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 12)))
    if t == FD.TYPE_ENUM:
        numbers = [v.number for v in f.enum_type.values]
        if not f.enum_type.is_closed and rng.random() < 0.2:
            return rng.choice([77, -5, 2**31 - 1])  # open enums keep unknown numbers
        return rng.choice(numbers)
    raise ValueError(t)


def is_message(f):
    return f.type in (FD.TYPE_MESSAGE, FD.TYPE_GROUP)


def fill(rng, msg, depth):
    d = msg.DESCRIPTOR
    # proto3 `optional` fields sit alone in a synthetic oneof named after them: not a real choice.
    real = [o for o in d.oneofs if not (len(o.fields) == 1 and o.name == "_" + o.fields[0].name)]
    chosen = {}
    for o in real:
        if rng.random() < 0.7:
            chosen[o.name] = rng.choice(o.fields).name
    for f in d.fields:
        o = f.containing_oneof
        if o is not None and o in real:
            if chosen.get(o.name) != f.name:
                continue
        elif rng.random() < 0.3 and not f.is_required:
            continue
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            kf, vf = f.message_type.fields_by_name["key"], f.message_type.fields_by_name["value"]
            if is_message(vf) and depth <= 0:
                continue
            target = getattr(msg, f.name)
            for _ in range(rng.randint(0, 4)):
                k = scalar(rng, kf)
                if is_message(vf):
                    fill(rng, target[k], depth - 1)
                else:
                    target[k] = scalar(rng, vf)
        elif f.is_repeated:
            target = getattr(msg, f.name)
            if is_message(f):
                if depth > 0:
                    for _ in range(rng.randint(0, 3)):
                        fill(rng, target.add(), depth - 1)
            else:
                target.extend(scalar(rng, f) for _ in range(rng.randint(0, 5)))
        elif is_message(f):
            if depth > 0:
                getattr(msg, f.name).SetInParent()
                fill(rng, getattr(msg, f.name), depth - 1)
        else:
            setattr(msg, f.name, scalar(rng, f))


def same(pool, pairs):
    out = []
    for p in pairs:
        cls = message_class(pool, p["type"])
        try:
            a, b = cls.FromString(bytes.fromhex(p["hex"])), cls.FromString(bytes.fromhex(p["text"]))
            # NaN != NaN: compare NaN-free canonical bytes where needed, else messages.
            equal = a == b or a.SerializeToString(deterministic=True) == b.SerializeToString(deterministic=True)
            out.append({"equal": equal, "error": None if equal else text_format.MessageToString(a)})
        except Exception as e:
            out.append({"equal": False, "error": repr(e)})
    return out


def randoms(pool, requests):
    out = []
    for r in requests:
        cls = message_class(pool, r["type"])
        rng = random.Random(r["seed"])
        encoded = []
        for _ in range(r["count"]):
            m = cls()
            fill(rng, m, 3)
            encoded.append(m.SerializePartialToString(deterministic=True).hex())
        out.append({"hex": encoded})
    return out


def main():
    req = json.load(sys.stdin)
    pool = load_pool(req["descriptor_set"])
    answer = {}
    if "check" in req:
        answer["check"] = check(pool, req["check"])
    if "same" in req:
        answer["same"] = same(pool, req["same"])
    if "random" in req:
        answer["random"] = randoms(pool, req["random"])
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
