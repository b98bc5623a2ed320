// fakesys.cpp - see fakesys.h.
#include "fakesys.h"

extern "C" {
#include "cms-guest/core/cms.h"
#include "arch370/ebcdic.h"
}

#include <cstring>
#include <memory>

namespace fakesys {

std::list<std::string> input;
std::string output;
std::vector<std::string> cpCommands;
std::map<uint16_t, Disk> disks;
std::vector<std::vector<uint8_t>> reader;
std::vector<std::string> printed;

static std::vector<uint8_t> punchDeck;
static size_t readerPos;                    // next card of reader[0]
static bool readerOpen;
static uint64_t cpuTime;
static const size_t HEAP = 4u << 20;
static std::unique_ptr<uint8_t[]> heap(new uint8_t[HEAP]);     // before any test runs

static int memRead(void *ctx, u32 block, u8 *buf)
{
    Disk &d = *static_cast<Disk *>(ctx);
    if (block < 1 || (size_t)block * 800 > d.data.size())
        return -1;
    memcpy(buf, &d.data[(block - 1) * 800], 800);
    return 0;
}

static int memWrite(void *ctx, u32 block, const u8 *buf)
{
    Disk &d = *static_cast<Disk *>(ctx);
    if (block < 1 || (size_t)block * 800 > d.data.size())
        return -1;
    memcpy(&d.data[(block - 1) * 800], buf, 800);
    return 0;
}

static void *hostAlloc(size_t n) { return malloc(n); }
static void hostFree(void *p) { free(p); }
static const struct cms_env hostEnv = { hostAlloc, hostFree, nullptr };

static struct cms_blkdev blkdev(Disk &d)
{
    struct cms_blkdev dev = {};
    dev.ctx = &d;
    dev.read = memRead;
    dev.write = memWrite;
    dev.blocks = (u32)(d.data.size() / 800);
    dev.cyls = (u16)(dev.blocks / 570);
    return dev;
}

void reset()
{
    input.clear();
    output.clear();
    cpCommands.clear();
    disks.clear();
    reader.clear();
    printed.clear();
    punchDeck.clear();
    readerPos = 0;
    readerOpen = false;
    cpuTime = 0;
    cms_storage_init(heap.get(), HEAP);
}

void release()
{
    std::list<std::string>().swap(input);
    std::string().swap(output);
    std::vector<std::string>().swap(cpCommands);
    std::map<uint16_t, Disk>().swap(disks);
    std::vector<std::vector<uint8_t>>().swap(reader);
    std::vector<std::string>().swap(printed);
    std::vector<uint8_t>().swap(punchDeck);
}

void addDisk(uint16_t cuu, unsigned cyls, const char *label, bool rdonly)
{
    Disk &d = disks[cuu];
    d.data.assign((size_t)cyls * 570 * 800, 0);
    d.rdonly = rdonly;
    struct cms_blkdev dev = blkdev(d);
    u8 l[6];
    cms_label_make(l, label);
    cms_format(&dev, l);
}

std::string ipl(bool profile)
{
    struct cms_ipl_options o = {};
    o.noprof = !profile;
    size_t start = output.size();
    cms_ipl(&o);
    return output.substr(start);
}

std::string type(const std::vector<std::string> &lines)
{
    size_t start = output.size();
    for (auto &l : lines)
        input.push_back(l);
    cms_loop();
    return output.substr(start);
}

static void note(void *ctx, const struct cms_issue *i)
{
    if (!i->note)
        *static_cast<std::string *>(ctx) += std::string(cms_rule_text(i->rule)) + "\n";
}

std::string check(uint16_t cuu)
{
    struct cms_blkdev dev = blkdev(disks.at(cuu));
    struct cms_fs *fs;
    std::string issues;
    if (cms_mount(&fs, &dev, &hostEnv, CMS_MOUNT_RDONLY) != CMS_OK)
        return "does not mount";
    int n = cms_check(fs, note, &issues);
    cms_unmount(fs);
    return n == 0 ? "" : issues.empty() ? "check failed" : issues;
}

}

using namespace fakesys;

extern "C" {

void sys_write(const char *line)
{
    output += line;
    output += "\n";
}

int sys_read(char *buf, size_t size)
{
    if (input.empty())
        return -1;
    snprintf(buf, size, "%s", input.front().c_str());
    input.pop_front();
    return (int)strlen(buf);
}

// the host's terminal is a line terminal: EDIT stays in line mode
int sys_screen_write(const u8 *, size_t, bool)
{
    return SYS_ENOTSUP;
}

int sys_screen_read(u8 *, size_t)
{
    return SYS_ENOTSUP;
}

void sys_emsg(const char *, size_t *off, size_t *)
{
    *off = 0;                                   // SET EMSG ON: the whole message
}

int sys_cp(const char *cmd, char *resp, size_t size, size_t *lost)
{
    std::string c(cmd), r;
    int rc = 0;
    cpCommands.push_back(c);
    if (c == "QUERY TIME" || c == "Q TIME") {
        r = "TIME IS 12:00:00 UTC SATURDAY 11/21/26\n";
    } else if (c == "CLOSE 00D") {
        if (!punchDeck.empty())
            reader.push_back(punchDeck);
        punchDeck.clear();
        r = "PUN FILE 0001 TO TESTER   COPY 001 NOHOLD\n";
    } else if (c == "CLOSE 00C" || c == "CLOSE 00C HOLD") {
        if (readerOpen && !reader.empty() && c == "CLOSE 00C")
            reader.erase(reader.begin());
        readerOpen = false;
        readerPos = 0;
    } else if (c == "CLOSE 00E" || c.rfind("SPOOL ", 0) == 0 || c.rfind("SET ", 0) == 0) {
    } else {
        rc = 1;                                 // CP does not know it
        r = "CPX001E Unknown CP command: " + c + "\n";
    }
    if (resp && size) {
        snprintf(resp, size, "%s", r.c_str());
        if (lost)
            *lost = r.size() >= size ? r.size() - (size - 1) : 0;
    } else {
        output += r;
    }
    return rc;
}

void sys_clock(struct sys_clock *c)
{
    strcpy(c->date, "11/21/26");
    strcpy(c->time, "12:00:00");
    cpuTime += 1000;
    c->virt_us = cpuTime;
    c->total_us = cpuTime * 2;
}

void sys_userid(char userid[9]) { strcpy(userid, "TESTER"); }
u32 sys_storage_size(void) { return 1u << 20; }

int sys_disk_open(u16 cuu, struct sys_disk_info *info)
{
    auto it = disks.find(cuu);
    if (it == disks.end())
        return SYS_ENODEV;
    info->blocks = (u32)(it->second.data.size() / 800);
    info->rdonly = it->second.rdonly;
    return 0;
}

int sys_disk_read(u16 cuu, u32 block, u8 *buf)
{
    auto it = disks.find(cuu);
    if (it == disks.end())
        return SYS_ENODEV;
    return memRead(&it->second, block, buf) ? SYS_ERANGE : 0;
}

int sys_disk_write(u16 cuu, u32 block, const u8 *buf)
{
    auto it = disks.find(cuu);
    if (it == disks.end())
        return SYS_ENODEV;
    if (it->second.rdonly)
        return SYS_ERDONLY;
    return memWrite(&it->second, block, buf) ? SYS_ERANGE : 0;
}

void sys_disk_close(u16) {}

int sys_ur_write(u16 cuu, u8, const u8 *data, u16 len)
{
    if (cuu == 0x00D) {
        if (len != 80)
            return SYS_EIO;
        punchDeck.insert(punchDeck.end(), data, data + len);
        return 0;
    }
    if (cuu == 0x00E) {
        char text[256];
        ebc_to_ascii_buf(text, data, len);
        text[len] = 0;
        printed.push_back(text);
        return 0;
    }
    return SYS_ENODEV;
}

int sys_rdr_read(u16 cuu, u8 *card, u16 size, u16 *len)
{
    if (cuu != 0x00C)
        return SYS_ENODEV;
    if (reader.empty())
        return SYS_RDR_EMPTY;
    readerOpen = true;
    if (readerPos + 80 > reader[0].size()) {
        reader.erase(reader.begin());           // read to its end: purged
        readerOpen = false;
        readerPos = 0;
        return SYS_RDR_EOF;
    }
    memcpy(card, &reader[0][readerPos], size < 80 ? size : 80);
    *len = 80;
    readerPos += 80;
    return 0;
}

void sys_rdr_close(u16 cuu, bool keep)
{
    char cmd[24];
    snprintf(cmd, sizeof cmd, "CLOSE %03X%s", cuu, keep ? " HOLD" : "");
    sys_cp(cmd, nullptr, 0, nullptr);
}

}
