// exec_env.h - a scripted environment for the EXEC interpreter: commands
// answer with chosen return codes, typed lines and stacked lines are
// recorded, terminal input comes from a queue.
#pragma once

extern "C" {
#include "cms-guest/exec/exec.h"
}
#include <deque>
#include <map>
#include <string>
#include <vector>

struct ScriptEnv {
    std::vector<std::string> typed;         // every line the EXEC typed
    std::vector<std::string> commands;      // every command it issued
    std::vector<std::string> stacked;       // &STACK lines, "F:" or "L:" in front
    std::deque<std::string> input;          // what &READ gets
    std::map<std::string, int> rc;          // by whole command, else by first word
    std::string clock = "12:34:56";
    bool msg = true;
    std::vector<int> msg_calls;             // what &CONTROL MSG/NOMSG told CMS
    int globals[EXEC_GLOBALS];
    exec_env env;
    int exit_rc = 0;
    unsigned steps = 0;

    explicit ScriptEnv(const char *name = "TEST");
    int run(const std::vector<std::string> &lines, const char *args = "",
            exec_limits *lim = nullptr);
    std::string out() const;                // typed lines joined by '|'
    std::string cmds() const;               // commands joined by '|'
};
