// fakesys.h - the machine CMS runs on, for host tests: cms-guest/core/sys.h
// implemented over storage.  The terminal is a queue of typed lines and a
// transcript; disks are byte vectors of 800-byte blocks; CP knows a few
// commands; the punch's decks come back to the reader (as after SPOOL
// PUNCH TO *), the printer keeps its lines.
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <string>
#include <vector>

namespace fakesys {

struct Disk {
    std::vector<uint8_t> data;  // blocks * 800 bytes
    bool rdonly = false;
};

extern std::list<std::string> input;       // lines still to be typed
extern std::string output;                  // everything CMS wrote, a line each
extern std::vector<std::string> cpCommands; // what CMS passed to CP
extern std::map<uint16_t, Disk> disks;
extern std::vector<std::vector<uint8_t>> reader;    // decks of 80-byte cards
extern std::vector<std::string> printed;

// forget everything; a formatted disk of cyls cylinders at cuu
void reset();
// give back all storage (CppUTest counts what a test leaves allocated)
void release();
void addDisk(uint16_t cuu, unsigned cyls, const char *label, bool rdonly = false);
// IPL CMS (no PROFILE EXEC unless profile), then type the lines; returns
// what CMS wrote while running them
std::string ipl(bool profile = false);
std::string type(const std::vector<std::string> &lines);
// the consistency check of the disk at cuu: "" if it passes, else the rules broken
std::string check(uint16_t cuu);

}
