"""The README's walk-through is a test: its shell blocks run, in order, against a fresh demo city."""
import os
import re
import shutil
import subprocess
import tempfile

from conftest import BINARY, ROOT, start_server, stop_server


def walkthrough_script() -> str:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("<!-- walkthrough:start -->", 1)[1].split("<!-- walkthrough:end -->", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    assert len(blocks) >= 4
    return "set -euo pipefail\n" + "\n".join(blocks)


def test_readme_walkthrough_runs_on_the_demo_city():
    workdir = tempfile.mkdtemp(prefix="jiceng-walk-")
    data = os.path.join(workdir, "jiceng-data")
    server = start_server(data=data, demo=True)
    try:
        # The README puts ../.build/release on PATH; here the binary under test stands in for it.
        bindir = os.path.join(workdir, ".build", "release")
        os.makedirs(bindir)
        os.symlink(BINARY, os.path.join(bindir, "jiceng"))
        env = dict(os.environ, JICENG_SERVER=server.address)
        env.pop("JICENG_TOKEN", None)
        result = subprocess.run(["bash", "-c", walkthrough_script()], cwd=workdir, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr + result.stdout
        out = result.stdout
        assert "SD-0001" in out and "【路灯】" in out
        assert "牵头部门" in out and "依据解放街道属地管理事项清单" in out
        states = [line for line in out.splitlines() if line.startswith("TASK_STATE_")]
        assert states == ["TASK_STATE_DISPATCHED", "TASK_STATE_RESOLVED", "TASK_STATE_CLOSED"]
        for event in ["CREATED", "DISPATCHED", "ACCEPTED", "ASSIGNMENT_COMPLETED", "RESOLVED", "VERIFIED", "RATED"]:
            assert f'"TASK_EVENT_TYPE_{event}"' in out
    finally:
        stop_server(server)
        shutil.rmtree(workdir, ignore_errors=True)
