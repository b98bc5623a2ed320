// test_exec_errors.cpp - every malformed statement ends the EXEC with a
// message EXTnnnE naming the file and line, and return code 800 + nnn.
#include "exec_env.h"
#include <CppUTest/TestHarness.h>
#include <string>

TEST_GROUP(ExecErrors)
{
    ScriptEnv e;

    // run, and check the code, the message id and line, and that the
    // EXEC stopped there (its last line would type AFTER)
    void expect(int code, unsigned line, std::vector<std::string> lines, const char *args = "",
                exec_limits *lim = nullptr)
    {
        lines.push_back("&TYPE AFTER");
        LONGS_EQUAL(EXEC_RC_BASE + code, e.run(lines, args, lim));
        LONGS_EQUAL(EXEC_RC_BASE + code, e.exit_rc);
        CHECK(!e.typed.empty());
        char head[64];
        if (line)
            snprintf(head, sizeof head, "EXT%03dE Error in TEST EXEC line %u: ", code, line);
        else
            snprintf(head, sizeof head, "EXT%03dE Error in TEST EXEC: ", code);
        std::string last = e.typed.back();
        STRCMP_EQUAL(head, last.substr(0, strlen(head)).c_str());
        CHECK(last.size() > strlen(head) + 10);     // and a sentence
        CHECK(e.out().find("AFTER") == std::string::npos);
    }
};

TEST(ExecErrors, ALineLongerThanTheLimit)
{
    exec_limits lim = {};
    lim.max_line = 20;
    expect(1, 2, { "&TYPE OK", std::string(30, 'A') }, "", &lim);
    STRCMP_CONTAINS("longer than 20", e.typed.back().c_str());
}

TEST(ExecErrors, TooManyWordsInAStatement)
{
    expect(2, 1, { "&TYPE " + std::string(70, '(') });     // each parenthesis is a word
}

TEST(ExecErrors, MoreThanThirtyArguments)
{
    std::string args;
    for (int i = 0; i < 31; i++)
        args += "a ";
    expect(3, 0, { "&TYPE NEVER" }, args.c_str());
    ScriptEnv f;
    std::string l = "&ARGS";
    for (int i = 0; i < 31; i++)
        l += " x";
    LONGS_EQUAL(EXEC_RC_BASE + 3, f.run({ l }));
}

TEST(ExecErrors, AnEndlessLoopMeetsTheStepLimit)
{
    exec_limits lim = {};
    lim.max_steps = 50;
    expect(4, 1, { "-A", "&GOTO -A" }, "", &lim);     // step 51 is on the label line
    LONGS_EQUAL(51, (long)lim.steps);
}

TEST(ExecErrors, MoreVariablesThanTheLimit)
{
    exec_limits lim = {};
    lim.max_vars = 2;
    expect(5, 3, { "&A = 1", "&B = 2", "&C = 3" }, "", &lim);
}

TEST(ExecErrors, AVariableThatRefersToItself)
{
    expect(6, 2, { "&A = &LITERAL &A", "&TYPE &A" });
}

TEST(ExecErrors, AMissingLabel)
{
    expect(7, 1, { "&GOTO -NOWHERE" });
    STRCMP_CONTAINS("-NOWHERE", e.typed.back().c_str());
}

TEST(ExecErrors, ALabelOnTheGotoLineItselfIsNotSearched)
{
    expect(7, 1, { "-SELF &GOTO -SELF" });
}

TEST(ExecErrors, ALineNumberOutsideTheFile)
{
    expect(8, 1, { "&GOTO 99" });
}

TEST(ExecErrors, SkippingAboveTheFirstLine)
{
    expect(9, 2, { "&TYPE A", "&SKIP -5" });
}

TEST(ExecErrors, AWordWhereANumberBelongs)
{
    expect(10, 1, { "&SKIP X" });
    ScriptEnv f;
    LONGS_EQUAL(EXEC_RC_BASE + 10, f.run({ "&EXIT ABC" }));
    ScriptEnv g;
    LONGS_EQUAL(EXEC_RC_BASE + 10, g.run({ "&A = 1 + B" }));
    ScriptEnv h;
    LONGS_EQUAL(EXEC_RC_BASE + 10, h.run({ "&HEX ON", "&TYPE X'XYZ" }));
    ScriptEnv i;
    LONGS_EQUAL(EXEC_RC_BASE + 10, i.run({ "&HEX ON", "&TYPE X'0x12" }));
}

TEST(ExecErrors, AStatementWithoutItsOperand)
{
    expect(11, 1, { "&GOTO" });
    ScriptEnv f;
    LONGS_EQUAL(EXEC_RC_BASE + 11, f.run({ "&A = &CONCAT" }));
}

TEST(ExecErrors, AnOperandThatDoesNotBelong)
{
    expect(12, 1, { "&GOTO BOGUS" });
    for (const char *bad : { "&CONTROL LOUD", "&HEX MAYBE", "&TIME NOW", "&SPACE 5000",
                             "&LOOP 1 9999", "&BEGTYPE NOW", "&READ LINES" }) {
        ScriptEnv f;
        LONGS_EQUAL_TEXT(EXEC_RC_BASE + 12, f.run({ bad, "&TYPE X" }), bad);
    }
}

TEST(ExecErrors, AComparisonThatIsNotTokenOperatorToken)
{
    expect(13, 1, { "&IF A XX B &TYPE NO" });
    ScriptEnv f;
    LONGS_EQUAL(EXEC_RC_BASE + 13, f.run({ "&IF &1 EQ X &TYPE NO" }));   // &1 is null
    ScriptEnv g;
    LONGS_EQUAL(EXEC_RC_BASE + 13, g.run({ "&IF A EQ" }));
}

TEST(ExecErrors, AnAssignmentOfWordsThatAreNotArithmetic)
{
    expect(14, 1, { "&A = 1 +" });
    ScriptEnv f;
    LONGS_EQUAL(EXEC_RC_BASE + 14, f.run({ "&A = 1 % 2" }));
}

TEST(ExecErrors, AnInvalidVariableName)
{
    expect(15, 1, { "&31 = X" });
    ScriptEnv f;
    LONGS_EQUAL(EXEC_RC_BASE + 15, f.run({ "&A.B = X" }));
    ScriptEnv g;
    LONGS_EQUAL(EXEC_RC_BASE + 15, g.run({ "&READ VARS &OK NOAMP" }));
}

TEST(ExecErrors, AssigningAVariableThatExecSets)
{
    expect(16, 1, { "&INDEX = 3" });
    STRCMP_CONTAINS("&INDEX", e.typed.back().c_str());
    ScriptEnv f;
    f.input = { "x y" };
    LONGS_EQUAL(EXEC_RC_BASE + 16, f.run({ "&READ VARS &A &LINENUM" }));
    LONGS_EQUAL(1, (long)f.input.size());           // checked before reading
}

TEST(ExecErrors, AResultTooWideForATokenAndDivisionByZero)
{
    expect(17, 1, { "&A = 99999999 + 1" });
    ScriptEnv f;
    LONGS_EQUAL(EXEC_RC_BASE + 18, f.run({ "&A = 5 / 0" }));
}

TEST(ExecErrors, LoopsTooDeepOrPastTheEndOrCrossing)
{
    std::vector<std::string> deep;
    for (int i = 0; i < 17; i++)
        deep.push_back("&LOOP " + std::to_string(17 - i) + " 1");
    deep.push_back("&TYPE X");
    expect(19, 17, deep);
    ScriptEnv f;
    LONGS_EQUAL(EXEC_RC_BASE + 20, f.run({ "&LOOP 5 2", "&TYPE X" }));
    ScriptEnv g;
    LONGS_EQUAL(EXEC_RC_BASE + 21, g.run({ "&LOOP 2 2", "&TYPE A", "&LOOP 2 2", "&TYPE B", "&TYPE C" }));
}

TEST(ExecErrors, ABlockWithoutEndTypesNothing)
{
    expect(22, 1, { "&BEGTYPE", "text" });
    LONGS_EQUAL(1, (long)e.typed.size());
}

TEST(ExecErrors, AnEndWithoutABlock)
{
    expect(23, 2, { "&TYPE A", "&END" });
}

TEST(ExecErrors, BlocksLoopsAndReadsAreRefusedInReadLinesAndErrorActions)
{
    e.input = { "&LOOP 1 2" };
    expect(24, 1, { "&READ" });
    ScriptEnv f;
    f.rc["BAD"] = 1;
    LONGS_EQUAL(EXEC_RC_BASE + 24, f.run({ "&ERROR &BEGTYPE", "BAD", "&END" }));
    ScriptEnv g;
    g.input = { "&READ", "&TYPE X" };
    LONGS_EQUAL(EXEC_RC_BASE + 24, g.run({ "&READ" }));
}

TEST(ExecErrors, AFunctionOutsideAnAssignment)
{
    expect(25, 1, { "&CONCAT A B" });
}

TEST(ExecErrors, PunchIsNotAvailable)
{
    expect(26, 1, { "&PUNCH CARD" });
    ScriptEnv f;
    f.env.stack = nullptr;
    LONGS_EQUAL(EXEC_RC_BASE + 26, f.run({ "&STACK X" }));
}

TEST(ExecErrors, AMessageIdWithoutSeverity)
{
    expect(27, 1, { "&EMSG ERR001 TEXT" });
}

TEST(ExecErrors, AnErrorInsideAnIfNamesTheLineOfTheIf)
{
    expect(16, 2, { "&TYPE A", "&IF 1 EQ 1 &INDEX = 4" });
}

TEST(ExecErrors, ErrorsShowEvenWhenTypingIsHalted)
{
    expect(7, 2, { "&STACK HT", "&GOTO -X" });
}

TEST(ExecErrors, NoEnvironmentOrNoLinesIsRefusedWithoutOutput)
{
    int rc = 0;
    const char *line = "&TYPE X";
    LONGS_EQUAL(EXEC_EPARM, exec_run(nullptr, &line, 1, "", nullptr, &rc));
    LONGS_EQUAL(EXEC_EPARM, rc);
    exec_env env = e.env;
    env.command = nullptr;
    LONGS_EQUAL(EXEC_EPARM, exec_run(&env, &line, 1, "", nullptr, &rc));
    LONGS_EQUAL(EXEC_EPARM, exec_run(&e.env, nullptr, 1, "", nullptr, &rc));
    LONGS_EQUAL(0, (long)e.typed.size());
}

TEST(ExecErrors, NullRecordsAndNoArgumentsAreAllowed)
{
    const char *lines[] = { nullptr, "&TYPE &INDEX" };
    int rc = -1;
    LONGS_EQUAL(0, exec_run(&e.env, lines, 2, nullptr, nullptr, &rc));
    LONGS_EQUAL(0, rc);
    STRCMP_EQUAL("0", e.out().c_str());
}
