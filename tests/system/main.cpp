// main.cpp - the runner for system tests.  Unlike the unit tests it does
// not install CppUTest's memory-leak plugin: the harness keeps process-wide
// state (the list of live Hercules processes) that outlives a test.
#include <CppUTest/CommandLineTestRunner.h>
#include <CppUTest/TestRegistry.h>

int main(int argc, char **argv)
{
    CommandLineTestRunner runner(argc, argv, TestRegistry::getCurrentRegistry());
    return runner.runAllTestsMain();
}
