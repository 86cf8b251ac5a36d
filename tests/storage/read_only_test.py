#!/usr/bin/python3
"""A database whose file system turns read-only while the server runs, as ext4 does after an error
(errors=remount-ro): the database lives on an ext4 image on a loop device, mounted in a private mount namespace,
and the kernel's own test switch (/sys/fs/ext4/DEVICE/trigger_fs_error) raises a file-system error.

While read-only, registrations get 503 with a clear message and Retry-After, pages and feeds are still served and
the server keeps running. Such a file system stays read-only until it is unmounted and checked (the kernel allows
nothing else), so recovery is what an operator does: stop the server, e2fsck, mount, start. Afterwards every
registration that got a success response is there, none of the refused ones, integrity_check is ok, and the
server registers again. Needs root (loop devices)."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "support"))
sys.path.insert(0, os.path.join(HERE, "..", "crash"))
from crash_test import check_database, rows  # noqa: E402
from storage_test import (BINARY, check_unavailable, check_writes, in_own_mount_namespace, load,  # noqa: E402
                          server_args, stored_names)
from treffpunkt_process import TreffpunktServer  # noqa: E402


def mount_image(image, disk):
    subprocess.run(["mount", "-o", "loop,errors=remount-ro", image, disk], check=True)


def raise_file_system_error(disk):
    device = subprocess.run(["findmnt", "-n", "-o", "SOURCE", disk], check=True, capture_output=True,
                            text=True).stdout.strip()
    with open(f"/sys/fs/ext4/{os.path.basename(device)}/trigger_fs_error", "w") as switch:
        switch.write("treffpunkt read-only test\n")
    probe = os.path.join(disk, "probe")
    try:
        open(probe, "w").close()
    except OSError as e:
        assert e.errno == 30, e  # EROFS
    else:
        raise AssertionError("the file system is still writable after the error")


def repair(image, disk):
    subprocess.run(["umount", disk], check=True)
    fsck = subprocess.run(["e2fsck", "-fy", image], capture_output=True, text=True)
    assert fsck.returncode in (0, 1), fsck.stdout + fsck.stderr  # 1: errors corrected
    mount_image(image, disk)


def main(work):
    if os.geteuid() != 0:
        sys.exit("this test needs root: it mounts an ext4 image on a loop device")
    image, disk = os.path.join(work, "ext4.img"), os.path.join(work, "disk")
    os.makedirs(disk)
    with open(image, "wb") as f:
        f.truncate(32 * 1024 * 1024)
    subprocess.run(["mkfs.ext4", "-q", "-F", image], check=True)
    mount_image(image, disk)
    try:
        run_on(image, disk, work)
    finally:
        subprocess.run(["umount", "--lazy", disk], check=False)


def run_on(image, disk, work):
    db = os.path.join(disk, "t.db")
    load(db, 100)
    with TreffpunktServer(BINARY, db, *server_args(work)) as server:
        for name in ("Anna", "Bruno"):
            check_writes(server, name)
        raise_file_system_error(disk)
        for name in ("Carla", "Dieter", "Erika"):
            check_unavailable(server, name)
        check_unavailable(server, "Carla")  # the same person again: still refused, still serving
        assert server.terminate() == 0, "".join(server.stderr_lines)  # stops cleanly on a read-only disk too
    assert any("storage unavailable" in line and "kernel log" in line for line in server.stderr_lines), \
        "".join(server.stderr_lines)  # the log points the operator at the cause

    repair(image, disk)
    check_database(db)
    assert stored_names(db) == {"Anna", "Bruno"}, stored_names(db)
    recipients = {r for (r,) in rows(db, "SELECT recipient FROM outbox")}
    assert recipients == {"anna@example.org", "bruno@example.org"}, recipients  # no message for the refused
    with TreffpunktServer(BINARY, db, *server_args(work)) as server:
        check_writes(server, "Carla")
    assert stored_names(db) == {"Anna", "Bruno", "Carla"}, stored_names(db)
    print("read-only while running: 503 with Retry-After, reads served; after e2fsck and a restart the "
          "database holds every confirmed registration and none of the refused ones")


if __name__ == "__main__":
    in_own_mount_namespace()
    with tempfile.TemporaryDirectory() as folder:
        main(folder)
