// StatementSplitter: drizzle's pieces, libpg_query's statements, and positions in the file.
#include "TestRegistry.h"

#include "text/StatementSplitter.h"

#include <QTest>

using namespace strata;

namespace {

// Line and column (in code points) of UTF-16 index `index`, counted the slow and obvious way.
QString lineColumn(const QString &text, qsizetype index)
{
    const QString before = text.left(index);
    const int line = int(before.count(QLatin1Char('\n'))) + 1;
    const QString lastLine = before.mid(before.lastIndexOf(QLatin1Char('\n')) + 1);
    return QStringLiteral("%1:%2").arg(line).arg(lastLine.toUcs4().size() + 1);
}

QString describe(const TextPosition &p)
{
    return QStringLiteral("%1:%2").arg(p.line).arg(p.column);
}

// What one statement looks like in the expectations: "<piece> <line>:<column> <text>".
QString describe(int piece, const SqlStatement &statement)
{
    return QStringLiteral("%1 %2 %3").arg(piece).arg(describe(statement.start), statement.text);
}

} // namespace

class StatementSplitterTest : public QObject
{
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("pieces");
        QTest::addColumn<QStringList>("statements");

        QTest::newRow("marker at the end of a statement line")
            << QStringLiteral("CREATE TABLE \"a\" (\"x\" int);--> statement-breakpoint\nCREATE TABLE \"b\" (\"y\" int);")
            << QStringList{QStringLiteral("CREATE TABLE \"a\" (\"x\" int);"), QStringLiteral("\nCREATE TABLE \"b\" (\"y\" int);")}
            << QStringList{QStringLiteral("0 1:1 CREATE TABLE \"a\" (\"x\" int)"),
                           QStringLiteral("1 2:1 CREATE TABLE \"b\" (\"y\" int)")};
        QTest::newRow("marker on a line of its own")
            << QStringLiteral("CREATE TABLE \"a\" (\n\t\"x\" int\n);\n--> statement-breakpoint\nALTER TABLE \"a\" ADD COLUMN \"y\" int;")
            << QStringList{QStringLiteral("CREATE TABLE \"a\" (\n\t\"x\" int\n);\n"),
                           QStringLiteral("\nALTER TABLE \"a\" ADD COLUMN \"y\" int;")}
            << QStringList{QStringLiteral("0 1:1 CREATE TABLE \"a\" (\n\t\"x\" int\n)"),
                           QStringLiteral("1 5:1 ALTER TABLE \"a\" ADD COLUMN \"y\" int")};
        QTest::newRow("trailing marker leaves an empty piece")
            << QStringLiteral("SELECT 1;--> statement-breakpoint")
            << QStringList{QStringLiteral("SELECT 1;"), QString()}
            << QStringList{QStringLiteral("0 1:1 SELECT 1")};
        QTest::newRow("no marker, several statements in one piece")
            << QStringLiteral("CREATE TABLE a (x int);\nCREATE INDEX ON a (x);\n")
            << QStringList{QStringLiteral("CREATE TABLE a (x int);\nCREATE INDEX ON a (x);\n")}
            << QStringList{QStringLiteral("0 1:1 CREATE TABLE a (x int)"), QStringLiteral("0 2:1 CREATE INDEX ON a (x)")};
        QTest::newRow("DO block of drizzle-kit 0.24")
            << QStringLiteral("DO $$ BEGIN\n CREATE TYPE \"public\".\"role\" AS ENUM('a', 'b');\nEXCEPTION\n"
                              " WHEN duplicate_object THEN null;\nEND $$;\n--> statement-breakpoint\n"
                              "CREATE TABLE IF NOT EXISTS \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL\n);\n")
            << QStringList{QStringLiteral("DO $$ BEGIN\n CREATE TYPE \"public\".\"role\" AS ENUM('a', 'b');\nEXCEPTION\n"
                                          " WHEN duplicate_object THEN null;\nEND $$;\n"),
                           QStringLiteral("\nCREATE TABLE IF NOT EXISTS \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL\n);\n")}
            << QStringList{QStringLiteral("0 1:1 DO $$ BEGIN\n CREATE TYPE \"public\".\"role\" AS ENUM('a', 'b');\nEXCEPTION\n"
                                          " WHEN duplicate_object THEN null;\nEND $$"),
                           QStringLiteral("1 7:1 CREATE TABLE IF NOT EXISTS \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL\n)")};
        QTest::newRow("dollar quotes hide semicolons")
            << QStringLiteral("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\nSELECT $$;$$;")
            << QStringList{QStringLiteral("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\nSELECT $$;$$;")}
            << QStringList{QStringLiteral("0 1:1 CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql"),
                           QStringLiteral("0 2:1 SELECT $$;$$")};
        QTest::newRow("comments around statements are not statements")
            << QStringLiteral("-- Custom SQL migration file, put your code below! --\n/* a; b */\nSELECT 1; -- done\n-- bye")
            << QStringList{QStringLiteral("-- Custom SQL migration file, put your code below! --\n/* a; b */\nSELECT 1; -- done\n-- bye")}
            << QStringList{QStringLiteral("0 3:1 SELECT 1")};
        QTest::newRow("a piece of only a comment is blank")
            << QStringLiteral("SELECT 1;\n--> statement-breakpoint\n-- nothing here\n")
            << QStringList{QStringLiteral("SELECT 1;\n"), QStringLiteral("\n-- nothing here\n")}
            << QStringList{QStringLiteral("0 1:1 SELECT 1")};
        QTest::newRow("commented-out marker still splits")
            << QStringLiteral("-- SELECT 1;\n-- --> statement-breakpoint\n-- SELECT 2;")
            << QStringList{QStringLiteral("-- SELECT 1;\n-- "), QStringLiteral("\n-- SELECT 2;")}
            << QStringList{};
        QTest::newRow("no semicolon before the marker")
            << QStringLiteral("UPDATE \"t\" SET \"x\" = 1 WHERE \"y\" IS NULL--> statement-breakpoint\nSELECT 1")
            << QStringList{QStringLiteral("UPDATE \"t\" SET \"x\" = 1 WHERE \"y\" IS NULL"), QStringLiteral("\nSELECT 1")}
            << QStringList{QStringLiteral("0 1:1 UPDATE \"t\" SET \"x\" = 1 WHERE \"y\" IS NULL"),
                           QStringLiteral("1 2:1 SELECT 1")};
        QTest::newRow("COMMIT before CREATE INDEX CONCURRENTLY")
            << QStringLiteral("COMMIT;--> statement-breakpoint\nCREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"x\");--> statement-breakpoint\nBEGIN;")
            << QStringList{QStringLiteral("COMMIT;"), QStringLiteral("\nCREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"x\");"),
                           QStringLiteral("\nBEGIN;")}
            << QStringList{QStringLiteral("0 1:1 COMMIT"), QStringLiteral("1 2:1 CREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"x\")"),
                           QStringLiteral("2 3:1 BEGIN")};
        QTest::newRow("non-ASCII text before statements")
            << QStringLiteral("-- Grüße 😀\nINSERT INTO \"t\" VALUES ('é😀');\n  SELECT 'ß';")
            << QStringList{QStringLiteral("-- Grüße 😀\nINSERT INTO \"t\" VALUES ('é😀');\n  SELECT 'ß';")}
            << QStringList{QStringLiteral("0 2:1 INSERT INTO \"t\" VALUES ('é😀')"), QStringLiteral("0 3:3 SELECT 'ß'")};
        QTest::newRow("CRLF line endings")
            << QStringLiteral("SELECT 1;\r\n--> statement-breakpoint\r\nSELECT 2;\r\n")
            << QStringList{QStringLiteral("SELECT 1;\r\n"), QStringLiteral("\r\nSELECT 2;\r\n")}
            << QStringList{QStringLiteral("0 1:1 SELECT 1"), QStringLiteral("1 3:1 SELECT 2")};
        QTest::newRow("empty file") << QString() << QStringList{QString()} << QStringList{};
    }

    void split()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, pieces);
        QFETCH(QStringList, statements);

        QCOMPARE(StatementSplitter::drizzlePieces(text), pieces);
        const SqlScript script = StatementSplitter::split(text);
        QStringList pieceTexts;
        QStringList found;
        const QByteArray utf8 = text.toUtf8();
        for (int i = 0; i < script.pieces.size(); ++i) {
            const StatementPiece &piece = script.pieces[i];
            QVERIFY2(piece.error.isNull(), qPrintable(piece.error.message));
            pieceTexts.append(piece.text);
            QCOMPARE(text.mid(piece.start.charOffset, piece.text.size()), piece.text);
            QCOMPARE(piece.end.charOffset - piece.start.charOffset, piece.text.size());
            QCOMPARE(describe(piece.start), lineColumn(text, piece.start.charOffset));
            QCOMPARE(piece.isBlank(), piece.statements.isEmpty());
            for (const SqlStatement &statement : piece.statements) {
                found.append(describe(i, statement));
                // Every unit agrees: UTF-16 index, UTF-8 bytes, line and column.
                QCOMPARE(text.mid(statement.start.charOffset, statement.end.charOffset - statement.start.charOffset),
                         statement.text);
                QCOMPARE(utf8.mid(statement.start.byteOffset, statement.end.byteOffset - statement.start.byteOffset),
                         statement.text.toUtf8());
                QCOMPARE(describe(statement.start), lineColumn(text, statement.start.charOffset));
                QCOMPARE(describe(statement.end), lineColumn(text, statement.end.charOffset));
            }
        }
        QCOMPARE(pieceTexts, pieces);
        QCOMPARE(found, statements);
        QCOMPARE(script.statementCount(), int(statements.size()));
        QVERIFY(script.errors().isEmpty());
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("piece");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QStringList>("statements");  // still found, by the scanner

        QTest::newRow("misspelt keyword")
            << QStringLiteral("SELECT 1;\nSELEC 2;") << 0 << QStringLiteral("syntax error at or near \"SELEC\"")
            << QStringLiteral("2:1") << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELEC 2")};
        QTest::newRow("non-ASCII before the error counts characters")
            << QStringLiteral("-- ünïcødé 😀\nSELECT 'é😀' FROM WHERE;") << 0
            << QStringLiteral("syntax error at or near \"WHERE\"") << QStringLiteral("2:18")
            << QStringList{QStringLiteral("SELECT 'é😀' FROM WHERE")};
        QTest::newRow("error in the second piece")
            << QStringLiteral("SELECT 1;\n--> statement-breakpoint\nCREATE TABLE (x int);") << 1
            << QStringLiteral("syntax error at or near \"(\"") << QStringLiteral("3:14")
            << QStringList{QStringLiteral("CREATE TABLE (x int)")};
        QTest::newRow("marker inside a string splits it")
            << QStringLiteral("SELECT '--> statement-breakpoint';") << 0
            << QStringLiteral("unterminated quoted string") << QStringLiteral("1:8") << QStringList{};
        QTest::newRow("byte order mark")
            << QStringLiteral("\uFEFFSELECT 1;") << 0 << QStringLiteral("syntax error at or near") << QStringLiteral("1:1")
            << QStringList{QStringLiteral("\uFEFFSELECT 1")};
        QTest::newRow("NUL character")
            << QStringLiteral("SELECT 1;\nSELECT 'a") + QChar(0) + QStringLiteral("b';") << 0
            << QStringLiteral("NUL") << QStringLiteral("2:10") << QStringList{};
    }

    void syntaxErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, piece);
        QFETCH(QString, message);
        QFETCH(QString, position);
        QFETCH(QStringList, statements);

        const SqlScript script = StatementSplitter::split(text);
        const QList<SqlSyntaxError> errors = script.errors();
        QVERIFY(!errors.isEmpty());
        const SqlSyntaxError &error = errors.first();
        QCOMPARE(error.piece, piece);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QCOMPARE(describe(error.position), position);
        QCOMPARE(describe(error.position), lineColumn(text, error.position.charOffset));
        QCOMPARE(text.toUtf8().left(error.position.byteOffset), text.left(error.position.charOffset).toUtf8());
        QStringList found;
        for (const SqlStatement &statement : script.pieces[piece].statements)
            found.append(statement.text);
        QCOMPARE(found, statements);
    }

    // A server error position (1-based, in characters of the text sent) back to the file.
    void serverPositionsMapToTheFile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("piece");
        QTest::addColumn<int>("statement");  // -1: the whole piece was sent
        QTest::addColumn<QString>("target");  // the text the server points at

        const QString file = QStringLiteral("CREATE TABLE \"a\" (\"x\" int);\n--> statement-breakpoint\n"
                                            "-- Größe 😀\nINSERT INTO \"a\" VALUES ('😀😀');\nSELECT nope FROM \"a\";");
        QTest::newRow("first piece") << file << 0 << -1 << QStringLiteral("int");
        QTest::newRow("piece after non-ASCII") << file << 1 << -1 << QStringLiteral("nope");
        QTest::newRow("statement sent alone") << file << 1 << 1 << QStringLiteral("nope");
        QTest::newRow("statement with emoji") << file << 1 << 0 << QStringLiteral("VALUES");
    }

    void serverPositionsMapToTheFile()
    {
        QFETCH(QString, text);
        QFETCH(int, piece);
        QFETCH(int, statement);
        QFETCH(QString, target);

        const SqlScript script = StatementSplitter::split(text);
        const QString sent = statement < 0 ? script.pieces[piece].text : script.pieces[piece].statements[statement].text;
        const qsizetype index = sent.indexOf(target);
        QVERIFY(index >= 0);
        const int serverPosition = int(sent.left(index).toUcs4().size()) + 1;  // what PostgreSQL reports
        const TextPosition at = statement < 0 ? script.locateInPiece(piece, serverPosition)
                                              : script.locateInStatement(piece, statement, serverPosition);
        QVERIFY(at.isValid());
        QCOMPARE(text.mid(at.charOffset, target.size()), target);
        QCOMPARE(describe(at), lineColumn(text, at.charOffset));
        QCOMPARE(text.toUtf8().mid(at.byteOffset, target.toUtf8().size()), target.toUtf8());
    }

    void positionsOutOfRange()
    {
        const QString text = QStringLiteral("SELECT 1;\n--> statement-breakpoint\nSELECT 2;");
        const SqlScript script = StatementSplitter::split(text);
        QCOMPARE(script.pieces.size(), 2);
        QVERIFY(!script.locateInPiece(2, 1).isValid());
        QVERIFY(!script.locateInStatement(0, 1, 1).isValid());
        QCOMPARE(script.locateInPiece(1, 0), script.pieces[1].start);     // no position: the start
        QCOMPARE(script.locateInPiece(1, 999), script.pieces[1].end);     // past the end: the end
        QCOMPARE(describe(StatementSplitter::positionAtByte(text, 9999)), lineColumn(text, text.size()));
    }
};

STRATA_TEST(StatementSplitterTest)
#include "StatementSplitterTest.moc"
