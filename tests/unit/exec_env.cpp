// exec_env.cpp - the scripted environment of exec_env.h.
#include "exec_env.h"
#include <cstring>

static ScriptEnv *self(void *ctx) { return static_cast<ScriptEnv *>(ctx); }

static int env_command(void *ctx, const char *line)
{
    ScriptEnv *e = self(ctx);
    std::string l = line;
    e->commands.push_back(l);
    auto it = e->rc.find(l);
    if (it == e->rc.end())
        it = e->rc.find(l.substr(0, l.find(' ')));
    return it == e->rc.end() ? 0 : it->second;
}

static void env_type(void *ctx, const char *line) { self(ctx)->typed.push_back(line); }

static int env_read(void *ctx, char *buf, size_t size)
{
    ScriptEnv *e = self(ctx);
    if (e->input.empty())
        return -1;
    std::string l = e->input.front();
    e->input.pop_front();
    snprintf(buf, size, "%s", l.c_str());
    return (int)strlen(buf);
}

static void env_stack(void *ctx, const char *line, int fifo)
{
    self(ctx)->stacked.push_back(std::string(fifo ? "F:" : "L:") + line);
}

static int env_clock(void *ctx, char *buf, size_t size)
{
    ScriptEnv *e = self(ctx);
    if (e->clock.empty())
        return -1;
    snprintf(buf, size, "%s", e->clock.c_str());
    return 0;
}

static int env_stacked(void *ctx) { return (int)self(ctx)->input.size(); }
static void env_msg(void *ctx, int on)
{
    self(ctx)->msg = on;
    self(ctx)->msg_calls.push_back(on);
}

ScriptEnv::ScriptEnv(const char *name)
{
    for (int &g : globals)
        g = 1;
    env = exec_env{};
    env.ctx = this;
    env.command = env_command;
    env.type = env_type;
    env.read = env_read;
    env.stack = env_stack;
    env.name = name;
    env.clock = env_clock;
    env.stacked = env_stacked;
    env.msg = env_msg;
    env.globals = globals;
    env.level = 1;
}

int ScriptEnv::run(const std::vector<std::string> &lines, const char *args, exec_limits *lim)
{
    std::vector<const char *> p;
    for (const std::string &l : lines)
        p.push_back(l.c_str());
    exec_limits local = {};
    int r = exec_run(&env, p.data(), (unsigned)p.size(), args, lim ? lim : &local, &exit_rc);
    steps = (lim ? lim : &local)->steps;
    return r;
}

static std::string join(const std::vector<std::string> &v)
{
    std::string s;
    for (size_t i = 0; i < v.size(); i++)
        s += (i ? "|" : "") + v[i];
    return s;
}

std::string ScriptEnv::out() const { return join(typed); }
std::string ScriptEnv::cmds() const { return join(commands); }
