// main.cpp - the runner for system tests.  Unlike the unit tests it does
// not use CppUTest's memory-leak detection: the harness has a reader
// thread per Hercules process, and CppUTest's allocator bookkeeping is
// not thread-safe; nor would process-wide harness state (the list of live
// Hercules processes) fit a per-test leak check.
#include <CppUTest/CommandLineTestRunner.h>
#include <CppUTest/TestRegistry.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>

int main(int argc, char **argv)
{
    MemoryLeakWarningPlugin::turnOffNewDeleteOverloads();
    CommandLineTestRunner runner(argc, argv, TestRegistry::getCurrentRegistry());
    return runner.runAllTestsMain();
}
