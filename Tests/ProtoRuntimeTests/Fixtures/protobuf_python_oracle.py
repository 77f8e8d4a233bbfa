"""Independent oracle for the Swift protobuf runtime: Python's google.protobuf (upb).

Usage: protobuf_python_oracle.py DESCRIPTOR_SET CASES_JSONL

Each input line is {"type": full name, "binary": base64 of our encoding, "json": our JSON}.
Each output line answers with what Python makes of them:
  reserialized   our binary parsed and serialized again (deterministic, i.e. maps sorted)
  from_our_json  our JSON parsed by json_format.Parse, serialized deterministically
  python_json    json_format.MessageToJson of our binary
  error          set instead when Python refused something
"""

import base64
import json
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory


def main() -> None:
    descriptor_set = descriptor_pb2.FileDescriptorSet()
    with open(sys.argv[1], "rb") as f:
        descriptor_set.ParseFromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for file in descriptor_set.file:
        pool.Add(file)

    with open(sys.argv[2], encoding="utf-8") as cases:
        for line in cases:
            case = json.loads(line)
            answer = {}
            try:
                cls = message_factory.GetMessageClass(pool.FindMessageTypeByName(case["type"]))
                ours = base64.b64decode(case["binary"])
                parsed = cls.FromString(ours)
                answer["reserialized"] = base64.b64encode(parsed.SerializeToString(deterministic=True)).decode()
                answer["python_json"] = json_format.MessageToJson(parsed, descriptor_pool=pool)
                from_json = json_format.Parse(case["json"], cls(), descriptor_pool=pool)
                answer["from_our_json"] = base64.b64encode(from_json.SerializeToString(deterministic=True)).decode()
            except Exception as e:  # reported to the Swift test, which fails with it
                answer["error"] = f"{type(e).__name__}: {e}"
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
