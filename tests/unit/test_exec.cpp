// test_exec.cpp - the EXEC language: scanning, variables, arguments,
// assignments, commands, the execution summary and the terminal.
#include "exec_env.h"
#include <CppUTest/TestHarness.h>

TEST_GROUP(ExecScan) { ScriptEnv e; };

TEST(ExecScan, WordsAreCutToEightAndParenthesesStandAlone)
{
    LONGS_EQUAL(0, e.run({ "&TYPE THIS   IS AN EXAGGERATED (MESSAGE)" }));
    STRCMP_EQUAL("THIS IS AN EXAGGERA ( MESSAGE )", e.out().c_str());
}

TEST(ExecScan, AnUndefinedSymbolIsANullTokenThatVanishes)
{
    e.run({ "&TYPE A &NOPE B", "&TYPE .&NOPE" });
    STRCMP_EQUAL("A B|.", e.out().c_str());
}

TEST(ExecScan, SymbolsAreReplacedRightmostFirstUntilNoneIsLeft)
{
    e.run({ "&1 = 2", "&X2 = FOUND", "&TYPE &X&1", "&X&1 = 5", "&TYPE &X2" });
    STRCMP_EQUAL("FOUND|5", e.out().c_str());
}

TEST(ExecScan, ASymbolRunsToTheEndOfItsWord)
{
    e.run({ "&A = 1", "&TYPE .&A. &A" });
    STRCMP_EQUAL(". 1", e.out().c_str());   // &A. is another, undefined, symbol
}

TEST(ExecScan, ASymbolInsideAWordIsReplacedInPlace)
{
    e.run({ "&A = 12", "&TYPE FILE&A DATA" });
    STRCMP_EQUAL("FILE12 DATA", e.out().c_str());
}

TEST(ExecScan, LiteralKeepsTheNextTokenAsWritten)
{
    e.run({ "&X = **", "&TYPE &LITERAL &X EQUALS &X" });
    STRCMP_EQUAL("&X EQUALS **", e.out().c_str());
}

TEST(ExecScan, VariableNamesAndControlWordsIgnoreCase)
{
    e.run({ "&abc = 1", "&type &ABC" });
    STRCMP_EQUAL("1", e.out().c_str());
}

TEST(ExecScan, LongControlWordsAreKnownByTheirFirstEight)
{
    e.run({ "&BEGSTAC", "x", "&END", "&CONTINUE", "&CONTINU" });
    STRCMP_EQUAL("F:x", e.stacked.at(0).c_str());
    STRCMP_EQUAL("", e.out().c_str());
}

TEST(ExecScan, CommentsAndNullLinesDoNothing)
{
    e.run({ "* a comment &TYPE", "", "   ", "&TYPE END" });
    STRCMP_EQUAL("END", e.out().c_str());
    LONGS_EQUAL(0, (long)e.commands.size());
}

TEST_GROUP(ExecArgs) { ScriptEnv e; };

TEST(ExecArgs, ArgumentsAreAmp1ToAmp30AndIndexCountsThem)
{
    e.run({ "&TYPE &INDEX &1 &3 &2 .&4" }, "alpha beta gamma");
    STRCMP_EQUAL("3 alpha gamma beta .", e.out().c_str());
}

TEST(ExecArgs, APercentSignPassesANullArgument)
{
    e.run({ "&TYPE &INDEX &1 .&2 &3" }, "a % c");
    STRCMP_EQUAL("3 a . c", e.out().c_str());
}

TEST(ExecArgs, ParenthesesInTheArgumentsAreArgumentsOfTheirOwn)
{
    e.run({ "&TYPE &INDEX &3 &4" }, "FILE A(NOTYPE");
    STRCMP_EQUAL("4 ( NOTYPE", e.out().c_str());
}

TEST(ExecArgs, ArgsStatementSetsTheArgumentsAnew)
{
    e.run({ "&ARGS X &1", "&TYPE &INDEX &1 &2 .&3" }, "one two three");
    STRCMP_EQUAL("2 X one .", e.out().c_str());
}

TEST(ExecArgs, ZeroAndExecAreTheFileName)
{
    e.run({ "&TYPE &0 &EXEC", "&0 = OTHER", "&TYPE &0 &EXEC" });
    STRCMP_EQUAL("TEST TEST|OTHER TEST", e.out().c_str());
}

TEST_GROUP(ExecAssign) { ScriptEnv e; };

TEST(ExecAssign, ArithmeticWorksFromLeftToRightOnWholeNumbers)
{
    e.run({ "&A = 2 + 3 * 4", "&B = 7 / 2", "&C = -7 / 2", "&D = 10 - 15", "&E = &D * -3",
            "&TYPE &A &B &C &D &E" });
    STRCMP_EQUAL("20 3 -3 -5 15", e.out().c_str());
}

TEST(ExecAssign, ACounterCountsUp)
{
    e.run({ "&I = 0", "&I = &I + 1", "&I = &I + 1", "&TYPE &I" });
    STRCMP_EQUAL("2", e.out().c_str());
}

TEST(ExecAssign, AnEmptyRightSideMakesTheVariableNull)
{
    e.run({ "&A = X", "&A =", "&TYPE .&A" });
    STRCMP_EQUAL(".", e.out().c_str());
}

TEST(ExecAssign, ConcatJoinsTokensAndCutsToEight)
{
    e.run({ "&A = **", "&B = &CONCAT XX &A 45", "&C = &CONCAT ABCDEF GHIJ", "&TYPE &B &C" });
    STRCMP_EQUAL("XX**45 ABCDEFGH", e.out().c_str());
}

TEST(ExecAssign, DatatypeTellsNumbersFromWords)
{
    e.run({ "&A = &DATATYPE 123", "&B = &DATATYPE -5", "&C = &DATATYPE 12A", "&TYPE &A &B &C" });
    STRCMP_EQUAL("NUM NUM ALPHA", e.out().c_str());
}

TEST(ExecAssign, LengthCountsCharacters)
{
    e.run({ "&A = &LENGTH HELLO", "&TYPE &A" });
    STRCMP_EQUAL("5", e.out().c_str());
}

TEST(ExecAssign, SubstrTakesFromAPositionForALength)
{
    e.run({ "&A = &SUBSTR ABCDE 2 3", "&B = &SUBSTR ABCDE 4", "&C = &SUBSTR ABC 5",
            "&TYPE &A &B .&C" });
    STRCMP_EQUAL("BCD DE .", e.out().c_str());
}

TEST(ExecAssign, RetcodeAndGlobalsHoldWholeNumbers)
{
    e.run({ "&RETCODE = 5", "&GLOBAL3 = 7", "&TYPE &RETCODE &GLOBAL3 &GLOBAL4 &GLOBAL" });
    STRCMP_EQUAL("5 7 1 1", e.out().c_str());
    LONGS_EQUAL(7, e.globals[3]);
}

TEST(ExecAssign, HexOnConvertsBothWays)
{
    e.run({ "&TYPE X'40", "&HEX ON", "&A = X'C0", "&B = 255", "&TYPE &A X'&B", "&HEX OFF",
            "&TYPE X'40" });
    STRCMP_EQUAL("X'40|192 FF|X'40", e.out().c_str());
}

TEST_GROUP(ExecCommands) { ScriptEnv e; };

TEST(ExecCommands, OtherLinesAreCommandsAfterSubstitution)
{
    e.run({ "&CONTROL OFF", "&A = LISTFILE", "&A * EXEC   A", "CP QUERY TIME" });
    STRCMP_EQUAL("LISTFILE * EXEC A|CP QUERY TIME", e.cmds().c_str());
}

TEST(ExecCommands, CommandWordsAreCutToEightToo)
{
    e.run({ "&CONTROL OFF", "COPYFILE LONGFILENAME DATA A" });
    STRCMP_EQUAL("COPYFILE LONGFILE DATA A", e.cmds().c_str());
}

TEST(ExecCommands, TheReturnCodeIsInRetcode)
{
    e.rc["ERASE"] = 28;
    e.run({ "&CONTROL OFF", "ERASE X Y", "&TYPE &RETCODE", "TYPE X", "&TYPE &RETCODE" });
    STRCMP_EQUAL("28|0", e.out().c_str());
}

TEST(ExecCommands, ControlCmsShowsCommandsAndNonzeroReturnCodes)
{
    e.rc["ERASE"] = 28;
    e.rc["BOGUS"] = -3;
    e.run({ "TYPE A B", "ERASE X", "BOGUS", "&TYPE X" });
    STRCMP_EQUAL("TYPE A B|ERASE X|+++ R(00028) +++|BOGUS|+++ R(-0003) +++|X", e.out().c_str());
}

TEST(ExecCommands, ControlOffShowsNoCommandsAndNoReturnCodes)
{
    e.rc["ERASE"] = 28;
    e.run({ "&CONTROL OFF", "TYPE A B", "ERASE X" });
    STRCMP_EQUAL("", e.out().c_str());
}

TEST(ExecCommands, ControlErrorShowsOnlyFailingCommands)
{
    e.rc["ERASE"] = 28;
    e.run({ "&CONTROL ERROR", "TYPE A B", "ERASE X" });
    STRCMP_EQUAL("ERASE X|+++ R(00028) +++", e.out().c_str());
}

TEST(ExecCommands, ControlAllAlsoShowsStatementsAsSubstituted)
{
    e.run({ "&CONTROL ALL", "&A = 5", "&TYPE &A", "Q DISK" });
    STRCMP_EQUAL("&A = 5|&TYPE 5|5|Q DISK", e.out().c_str());
}

TEST(ExecCommands, ControlTimePutsTheTimeOfDayBeforeCommands)
{
    e.run({ "&CONTROL TIME", "Q DISK" });
    STRCMP_EQUAL("12:34:56 Q DISK", e.out().c_str());
}

TEST(ExecCommands, ControlNopackShowsEachWordInEightColumns)
{
    e.run({ "&CONTROL ALL NOPACK", "&TYPE A B" });
    STRCMP_EQUAL("&TYPE    A        B|A B", e.out().c_str());
}

TEST(ExecCommands, ControlWithoutOperandsRestoresTheDefaults)
{
    e.run({ "&CONTROL OFF TIME", "Q A", "&CONTROL", "Q B" });
    STRCMP_EQUAL("Q B", e.out().c_str());
}

TEST(ExecCommands, NomsgIsPassedToCmsAndUndoneAtTheEnd)
{
    e.run({ "&CONTROL NOMSG", "&CONTROL NOMSG", "&EXIT" });
    LONGS_EQUAL(2, (long)e.msg_calls.size());
    LONGS_EQUAL(0, e.msg_calls[0]);
    LONGS_EQUAL(1, e.msg_calls[1]);
}

TEST(ExecCommands, TimeOnShowsTheClockAfterEachCommand)
{
    e.run({ "&CONTROL OFF", "&TIME TYPE", "&TIME ON", "Q A", "&TIME OFF", "Q B" });
    STRCMP_EQUAL("TIME 12:34:56|TIME 12:34:56", e.out().c_str());
}

TEST_GROUP(ExecTerminal) { ScriptEnv e; };

TEST(ExecTerminal, BegtypeTypesLinesAsWrittenUntilEnd)
{
    e.run({ "&A = 1", "&BEGTYPE", "Value &A  (two  blanks)", "", "&END", "&TYPE DONE" });
    STRCMP_EQUAL("Value &A  (two  blanks)||DONE", e.out().c_str());
}

TEST(ExecTerminal, SpaceTypesBlankLines)
{
    e.run({ "&SPACE 2", "&SPACE", "&SPACE 0" });
    LONGS_EQUAL(3, (long)e.typed.size());
    STRCMP_EQUAL("", e.typed[0].c_str());
}

TEST(ExecTerminal, EmsgShowsAMessageBehindDms)
{
    e.run({ "&EMSG ERR001E BAD INPUT &1", "&BEGEMSG", "XYZ002W raw &1", "&END" }, "X");
    STRCMP_EQUAL("DMSERR001E BAD INPUT X|DMSXYZ002W raw &1", e.out().c_str());
}

TEST(ExecTerminal, StackPutsOneSubstitutedLineFifoOrLifo)
{
    e.run({ "&STACK LIFO HELLO &1", "&STACK", "&STACK FIFO A" }, "X");
    LONGS_EQUAL(3, (long)e.stacked.size());
    STRCMP_EQUAL("L:HELLO X", e.stacked[0].c_str());
    STRCMP_EQUAL("F:", e.stacked[1].c_str());
    STRCMP_EQUAL("F:A", e.stacked[2].c_str());
}

TEST(ExecTerminal, BegstackStacksLinesAsWrittenAndANullLineAsABlank)
{
    e.run({ "&BEGSTACK LIFO", "line &1", "", "&END" }, "X");
    LONGS_EQUAL(2, (long)e.stacked.size());
    STRCMP_EQUAL("L:line &1", e.stacked[0].c_str());
    STRCMP_EQUAL("L: ", e.stacked[1].c_str());
}

TEST(ExecTerminal, StackHtHaltsTypingUntilRt)
{
    e.run({ "&STACK HT", "&TYPE HIDDEN", "&X = &TYPEFLAG", "&STACK RT", "&TYPE &X &TYPEFLAG" });
    STRCMP_EQUAL("HT RT", e.out().c_str());
}

TEST(ExecTerminal, ReadArgsSetsTheArguments)
{
    e.input = { "one two" };
    e.run({ "&READ ARGS", "&TYPE &INDEX &2" }, "a b c");
    STRCMP_EQUAL("2 two", e.out().c_str());
}

TEST(ExecTerminal, ReadVarsSetsTheNamedVariablesAndNullsTheRest)
{
    e.input = { "red green" };
    e.run({ "&READ VARS &C1 &C2 &C3", "&TYPE &C2 .&C3" });
    STRCMP_EQUAL("green .", e.out().c_str());
}

TEST(ExecTerminal, ReadRunsTheLinesItReadsAsStatements)
{
    e.input = { "&TYPE FROM TERMINAL", "LISTFILE" };
    e.run({ "&CONTROL OFF", "&READ 2", "&TYPE &RETCODE" });
    STRCMP_EQUAL("FROM TERMINAL|0", e.out().c_str());
    STRCMP_EQUAL("LISTFILE", e.cmds().c_str());
}

TEST(ExecTerminal, ReadWithNoInputGetsANullLine)
{
    e.run({ "&READ ARGS", "&TYPE &INDEX", "&READ", "&TYPE ON" }, "x y");
    STRCMP_EQUAL("0|ON", e.out().c_str());
}

TEST(ExecTerminal, AGotoReadFromTheTerminalTransfersInTheFile)
{
    e.input = { "&GOTO -END", "&TYPE NOT READ" };
    e.run({ "&READ 2", "&TYPE SKIPPED", "-END &TYPE HERE" });
    STRCMP_EQUAL("HERE", e.out().c_str());
    LONGS_EQUAL(1, (long)e.input.size());
}

TEST(ExecTerminal, ReadflagTellsWhetherLinesAreWaiting)
{
    e.input = { "x" };
    e.run({ "&TYPE &READFLAG", "&READ ARGS", "&TYPE &READFLAG" });
    STRCMP_EQUAL("STACK|CONSOLE", e.out().c_str());
}

TEST(ExecTerminal, LinenumIsTheCurrentLine)
{
    e.run({ "&TYPE &LINENUM", "", "&TYPE &LINENUM" });
    STRCMP_EQUAL("1|3", e.out().c_str());
}
