// fakevm.h - a virtual machine on the host, for unit tests of CP code
// that serves a guest (the DIAGNOSE handlers).
//
// The VM's storage is a real guest address space (CP's own gspace code
// over realmem); the parts of CP around it that need the real machine --
// terminal, command processor, task switching, minidisk I/O -- are
// stand-ins that record what was asked of them and answer as a test says.
#pragma once

extern "C" {
#include "cp/vm/vm.h"
#include "cp/vm/user.h"
#include "cp/vm/vdev.h"
#include "cp/vdev/mdisk.h"
#include "cp/vdev/mdiskio.h"
}
#include <functional>
#include <string>
#include <vector>

struct FakeVm {
    bool primary = true;
    struct user user;
    struct vm vm;
    struct vdev *console = nullptr;

    explicit FakeVm(u32 size = 1 << 20);
    // another virtual machine beside the first (same world and real
    // storage), logged on as userid; destroy it before the first
    FakeVm(const char *userid, u32 size);
    ~FakeVm();

    // guest storage
    void put(u32 addr, const void *data, u32 n);
    void putEbcdic(u32 addr, const std::string &ascii);
    std::string getEbcdic(u32 addr, u32 n);
    u32 get32(u32 addr);
    u8 cc() const;                              // from the PSW
    u8 key() const;

    // a minidisk at addr (cyls cylinders of 30 tracks), read/write or not
    struct mdisk *addMinidisk(u16 addr, u16 cyls, bool write);
};

// what the stand-ins saw and how they answer (reset by FakeVm's constructor)
struct FakeWorld {
    // terminal
    std::vector<std::string> messages;          // user_msg()
    std::vector<std::string> consoleLines;      // vcons_write_line(), in ASCII
    std::vector<std::string> typed;             // lines vcons_take_line() hands out
    bool outputRoom = true;
    bool connected = true;                      // a terminal behind the console
    // the user's terminal as DIAGNOSE X'58' full screen sees it
    bool display = false;                       // a 3270 (else a 3215)
    bool fsOwned = false;                       // the guest owns the screen
    std::vector<std::vector<u8>> fsWrites;      // the guest's data streams
    std::vector<bool> fsErase;                  // erase/write or write
    std::vector<std::vector<u8>> fsKeys;        // records session_fs_take() hands out
    std::vector<u8> fsTaken;                    // the one it handed out last
    std::vector<unsigned> controls;             // session_write_control(): ctl << 8 | row
    // commands
    std::vector<std::string> commands;          // cmd_execute()
    std::function<int(struct cmdctx *, const std::string &)> onCommand;
    // task_sleep(): called each time; a test makes progress here
    unsigned sleeps = 0;
    std::function<void()> onSleep;
    // minidisk I/O
    struct mio_result runResult;                // what mdiskio_run() reports
    u8 lastKey = 0xFF;
    unsigned runs = 0;
    std::vector<struct mio_block> blocks;       // what mdiskio_blocks() was given
    u8 blockStatus = 0;                         // status it gives every block
    // shadow tables told of DIAGNOSE X'1E0' stores: "P va where" (a PTE),
    // "S va where" (an STE), "E" (end of a batch), as hex
    std::vector<std::string> shadowCalls;
};

extern FakeWorld fake;
