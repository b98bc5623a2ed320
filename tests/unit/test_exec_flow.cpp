// test_exec_flow.cpp - the order of execution: &IF, &GOTO, &SKIP, &LOOP,
// &EXIT and &ERROR.
#include "exec_env.h"
#include <CppUTest/TestHarness.h>

TEST_GROUP(ExecIf) { ScriptEnv e; };

TEST(ExecIf, TheStatementRunsOnlyWhenTheComparisonHolds)
{
    e.run({ "&IF 1 EQ 1 &TYPE YES", "&IF 1 EQ 2 &TYPE NO", "&IF A NE B &TYPE DIFFERS" });
    STRCMP_EQUAL("YES|DIFFERS", e.out().c_str());
}

TEST(ExecIf, EveryOperatorHasASymbolAndAMnemonic)
{
    struct { const char *op; bool lt, eq, gt; } ops[] = {
        { "EQ", false, true, false }, { "=", false, true, false },
        { "NE", true, false, true },  { "\xAC=", true, false, true }, { "^=", true, false, true },
        { "LT", true, false, false }, { "<", true, false, false },
        { "LE", true, true, false },  { "<=", true, true, false },
        { "GT", false, false, true }, { ">", false, false, true },
        { "GE", false, true, true },  { ">=", false, true, true },
    };
    for (auto &o : ops) {
        ScriptEnv f;
        std::string op = o.op;
        f.run({ "&IF 1 " + op + " 2 &TYPE LT", "&IF 2 " + op + " 2 &TYPE EQ",
                "&IF 3 " + op + " 2 &TYPE GT" });
        std::string want = std::string(o.lt ? "LT" : "") + (o.lt && o.eq ? "|" : "") +
                           (o.eq ? "EQ" : "") + ((o.lt || o.eq) && o.gt ? "|" : "") +
                           (o.gt ? "GT" : "");
        STRCMP_EQUAL_TEXT(want.c_str(), f.out().c_str(), o.op);
    }
}

TEST(ExecIf, NumbersCompareAsNumbers)
{
    e.run({ "&IF 10 GT 9 &TYPE NUMERIC", "&IF 010 EQ 10 &TYPE EQUAL", "&IF -2 LT 1 &TYPE SIGNED" });
    STRCMP_EQUAL("NUMERIC|EQUAL|SIGNED", e.out().c_str());
}

TEST(ExecIf, WordsCompareInEbcdicOrder)
{
    e.run({ "&IF A LT 1 &TYPE LETTERS-BEFORE-DIGITS", "&IF ab LT AB &TYPE LOWER-BEFORE-UPPER",
            "&IF AB LT ABC &TYPE SHORTER-FIRST", "&IF 1A GT Z &TYPE DIGIT-LAST" });
    STRCMP_EQUAL("LETTERS-|LOWER-BE|SHORTER-|DIGIT-LA", e.out().c_str());
}

TEST(ExecIf, APeriodTestsForANullSymbol)
{
    e.run({ "&IF .&1 EQ . &TYPE NO-ARGS", "&IF .&0 EQ . &TYPE NEVER" });
    STRCMP_EQUAL("NO-ARGS", e.out().c_str());
}

TEST(ExecIf, StarMeansAllArgumentsAndDollarAny)
{
    ScriptEnv f, g;
    e.run({ "&IF &* EQ X &TYPE ALL", "&IF X EQ &$ &TYPE ANY" }, "X X X");
    f.run({ "&IF &* EQ X &TYPE ALL", "&IF &$ EQ X &TYPE ANY" }, "A X");
    g.run({ "&IF &* EQ X &TYPE ALL", "&IF &$ NE X &TYPE ANY", "&TYPE END" });
    STRCMP_EQUAL("ALL|ANY", e.out().c_str());
    STRCMP_EQUAL("ANY", f.out().c_str());
    STRCMP_EQUAL("END", g.out().c_str());       // no arguments: the &IF is a null statement
}

TEST(ExecIf, IfStatementsNestAndMayAssign)
{
    e.run({ "&IF 1 EQ 1 &IF 2 EQ 2 &A = BOTH", "&IF 1 EQ 1 &IF 2 EQ 3 &A = NOT", "&TYPE &A" });
    STRCMP_EQUAL("BOTH", e.out().c_str());
}

TEST_GROUP(ExecGoto) { ScriptEnv e; };

TEST(ExecGoto, ALabelIsFoundBelowFirstThenFromTheTop)
{
    e.run({ "&I = 0", "-TOP &I = &I + 1", "&IF &I EQ 3 &GOTO -DONE", "&GOTO -TOP", "&TYPE NEVER",
            "-DONE &TYPE &I" });
    STRCMP_EQUAL("3", e.out().c_str());
}

TEST(ExecGoto, TheFirstOfTwoEqualLabelsBelowWins)
{
    e.run({ "-A &TYPE FIRST", "&IF .&X EQ .Y &EXIT", "&X = Y", "&GOTO -A", "-A &TYPE SECOND" });
    STRCMP_EQUAL("FIRST|SECOND", e.out().c_str());
}

TEST(ExecGoto, TopAndLineNumbersAreTargetsToo)
{
    e.run({ "&IF .&X EQ .DONE &GOTO 5", "&X = DONE", "&GOTO TOP", "&TYPE NEVER", "&TYPE LINE5" });
    STRCMP_EQUAL("LINE5", e.out().c_str());
}

TEST(ExecGoto, LabelsAreCutToEightCharacters)
{
    e.run({ "&GOTO -PROBABLY", "&TYPE NEVER", "-PROBABLE &TYPE FOUND" });
    STRCMP_EQUAL("FOUND", e.out().c_str());
}

TEST_GROUP(ExecSkip) { ScriptEnv e; };

TEST(ExecSkip, SkipPassesOverLinesAndZeroPassesNone)
{
    e.run({ "&SKIP", "&TYPE NO", "&SKIP 0", "&TYPE YES", "&SKIP 2", "&TYPE NO", "&TYPE NO",
            "&TYPE END" });
    STRCMP_EQUAL("YES|END", e.out().c_str());
}

TEST(ExecSkip, ANegativeSkipGoesBackToTheLineThatManyAbove)
{
    e.run({ "&I = 0", "&I = &I + 1", "&IF &I LT 3 &SKIP -1", "&TYPE &I" });
    STRCMP_EQUAL("3", e.out().c_str());
}

TEST(ExecSkip, SkippingPastTheEndEndsTheExec)
{
    LONGS_EQUAL(0, e.run({ "&SKIP 10", "&TYPE NO" }));
    LONGS_EQUAL(0, e.exit_rc);
    STRCMP_EQUAL("", e.out().c_str());
}

TEST_GROUP(ExecLoop) { ScriptEnv e; };

TEST(ExecLoop, ACountedLoopRunsItsLinesThatManyTimes)
{
    e.run({ "&LOOP 2 3", "&TYPE A", "&TYPE B", "&TYPE C" });
    STRCMP_EQUAL("A|B|A|B|A|B|C", e.out().c_str());
}

TEST(ExecLoop, ALabelEndsTheBodyAndAConditionEndsTheLoop)
{
    e.run({ "&I = 0", "&LOOP -END &I GE 3", "&I = &I + 1", "-END &TYPE &I", "&TYPE OUT" });
    STRCMP_EQUAL("1|2|3|OUT", e.out().c_str());
}

TEST(ExecLoop, ZeroPassesOrAConditionMetAtOnceSkipTheBody)
{
    e.run({ "&LOOP 1 0", "&TYPE NO", "&LOOP 1 1 EQ 1", "&TYPE NO", "&LOOP 0 5", "&TYPE END" });
    STRCMP_EQUAL("END", e.out().c_str());
}

TEST(ExecLoop, LoopsNest)
{
    e.run({ "&LOOP 3 2", "&LOOP 1 2", "&TYPE IN", "&TYPE OUT" });
    STRCMP_EQUAL("IN|IN|OUT|IN|IN|OUT", e.out().c_str());
}

TEST(ExecLoop, LoopsEndingOnTheSameLineFinishFromTheInside)
{
    e.run({ "&LOOP 2 2", "&LOOP 1 3", "&TYPE X", "&TYPE END" });
    STRCMP_EQUAL("X|X|X|X|X|X|END", e.out().c_str());
}

TEST(ExecLoop, AnEmptyInnerLoopAtTheEndOfABodyStillTurnsTheOuterLoop)
{
    e.run({ "&LOOP 2 2", "&TYPE X", "&LOOP 0 1", "&TYPE END" });
    STRCMP_EQUAL("X|X|END", e.out().c_str());
}

TEST(ExecLoop, LeavingTheBodyByGotoEndsTheLoop)
{
    e.run({ "&LOOP 2 5", "&TYPE IN", "&GOTO -OUT", "-OUT &TYPE OUT" });
    STRCMP_EQUAL("IN|OUT", e.out().c_str());
}

TEST(ExecLoop, TheConditionSeesCollectiveArguments)
{
    e.run({ "&LOOP 1 &$ EQ STOP", "&ARGS STOP", "&TYPE DONE" }, "GO");
    STRCMP_EQUAL("DONE", e.out().c_str());
    LONGS_EQUAL(3, (long)e.steps);
}

TEST_GROUP(ExecExit) { ScriptEnv e; };

TEST(ExecExit, ExitEndsTheExecWithItsReturnCode)
{
    LONGS_EQUAL(0, e.run({ "&EXIT 12", "&TYPE NO" }));
    LONGS_EQUAL(12, e.exit_rc);
    STRCMP_EQUAL("", e.out().c_str());
}

TEST(ExecExit, ExitPassesOnACommandsReturnCode)
{
    e.rc["BAD"] = -3;
    e.run({ "&CONTROL OFF", "BAD", "&EXIT &RETCODE" });
    LONGS_EQUAL(-3, e.exit_rc);
}

TEST(ExecExit, TheEndOfTheFileEndsWithZero)
{
    e.rc["BAD"] = 4;
    LONGS_EQUAL(0, e.run({ "&CONTROL OFF", "BAD" }));
    LONGS_EQUAL(0, e.exit_rc);
}

TEST(ExecExit, AnEmptyExecDoesNothing)
{
    LONGS_EQUAL(0, e.run({}));
    LONGS_EQUAL(0, e.exit_rc);
}

TEST_GROUP(ExecError) { ScriptEnv e; };

TEST(ExecError, ATransferActionRunsWhenACommandFails)
{
    e.rc["BAD"] = 4;
    e.run({ "&CONTROL OFF", "&ERROR &GOTO -FAIL", "GOOD", "BAD", "&TYPE NOT HERE",
            "-FAIL &TYPE FAILED &RETCODE" });
    STRCMP_EQUAL("FAILED 4", e.out().c_str());
}

TEST(ExecError, OtherActionsContinueAfterTheFailingCommand)
{
    e.rc["BAD"] = 4;
    e.run({ "&CONTROL OFF", "&ERROR &TYPE OOPS &RETCODE", "BAD", "&TYPE NEXT" });
    STRCMP_EQUAL("OOPS 4|NEXT", e.out().c_str());
}

TEST(ExecError, TheActionIsSubstitutedWhenItRuns)
{
    e.rc["BAD"] = 4;
    e.run({ "&CONTROL OFF", "&ERROR &TYPE &A", "&A = LATER", "BAD" });
    STRCMP_EQUAL("LATER", e.out().c_str());
}

TEST(ExecError, ContinueCancelsTheAction)
{
    e.rc["BAD"] = 4;
    e.run({ "&CONTROL OFF", "&ERROR &TYPE OOPS", "&ERROR &CONTINUE", "BAD", "&TYPE NEXT" });
    STRCMP_EQUAL("NEXT", e.out().c_str());
}

TEST(ExecError, ACommandFailingInTheActionEndsTheExec)
{
    e.rc["BAD"] = 4;
    e.rc["WORSE"] = 8;
    LONGS_EQUAL(0, e.run({ "&CONTROL OFF", "&ERROR WORSE", "BAD", "&TYPE NOT HERE" }));
    LONGS_EQUAL(8, e.exit_rc);
    STRCMP_EQUAL("BAD|WORSE", e.cmds().c_str());
}

TEST(ExecError, AnActionMaySetTheNextAction)
{
    e.rc["BAD"] = 4;
    e.run({ "&CONTROL OFF", "&ERROR &ERROR &TYPE SECOND", "BAD", "BAD", "BAD" });
    STRCMP_EQUAL("SECOND|SECOND", e.out().c_str());
}

TEST(ExecLoop, ACommentOrALabelMayEndTheBody)
{
    e.run({ "&LOOP 2 2", "&TYPE A", "* the end of the body", "&LOOP -E 2", "&TYPE B", "-E",
            "&TYPE END" });
    STRCMP_EQUAL("A|A|B|B|END", e.out().c_str());
}
