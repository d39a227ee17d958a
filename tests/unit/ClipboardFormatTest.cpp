// ClipboardFormat: copied cells as TSV, CSV, JSON and SQL INSERT (NULL against "", quotes,
// tabs and line breaks, unicode, exact numbers, embedded json), and pasted TSV read back,
// including the round trip tsv -> parseTsv.
#include "TestRegistry.h"

#include "data/ClipboardFormat.h"

#include <QTest>

using namespace strata;

namespace {

using Rows = QList<QStringList>;

Column column(const QString &name, const QString &type, int arrayDimensions = 0)
{
    Column c;
    c.name = name;
    c.type = type;
    c.arrayDimensions = arrayDimensions;
    return c;
}

const QString empty = QString::fromUtf8("");  // "" and not NULL

CellBlock textBlock(const Rows &rows, const QStringList &names = {"a", "b"})
{
    CellBlock block;
    block.schema = QStringLiteral("public");
    block.table = QStringLiteral("t");
    for (const QString &name : names)
        block.columns.append(column(name, "text"));
    block.rows = rows;
    return block;
}

// One row of every kind JSON cares about.
CellBlock typedBlock()
{
    CellBlock block;
    block.schema = QStringLiteral("app");
    block.table = QStringLiteral("Ta\"ble");
    block.columns = {column("id", "bigint"),       column("amount", "numeric(30,22)"), column("ratio", "double precision"),
                     column("ok", "boolean"),      column("name", "text"),             column("doc", "jsonb"),
                     column("raw", "json"),        column("tags", "integer", 1),       column("born", "date")};
    block.rows = {
        {"9223372036854775807", "0.1000000000000000000001", "1e+20", "t", "Zoë \"Z\"", R"({"b": [1, 2.50], "a": {}})",
         "{not json", "{1,2}", "2024-02-29"},
        {"-1", "NaN", "-Infinity", "f", empty, "[]", R"(  {"k":12345678901234567890}  )", QString(), QString()},
    };
    return block;
}

} // namespace

Q_DECLARE_METATYPE(Rows)

class ClipboardFormatTest : public QObject
{
    Q_OBJECT

private slots:
    void tsv()
    {
        const CellBlock block = textBlock({{"x", QString()}, {empty, "two\tcells"}, {"line\nbreak", "say \"hi\""},
                                           {"Grüße 😀", "it's"}, {"cr\r", "a\"b"}});
        QCOMPARE(ClipboardFormat::tsv(block),
                 QStringLiteral("x\t\n\t\"two\tcells\"\n\"line\nbreak\"\t\"say \"\"hi\"\"\"\nGrüße 😀\tit's\n"
                                "\"cr\r\"\t\"a\"\"b\""));
        QCOMPARE(ClipboardFormat::tsv(textBlock({{"1", "2"}}, {"a b", "c\td"}), true),
                 QStringLiteral("a b\t\"c\td\"\n1\t2"));
        QCOMPARE(ClipboardFormat::tsv(textBlock({})), QString());
    }

    void csv()
    {
        const CellBlock block = textBlock({{QString(), empty}, {"a,b", "say \"hi\""}, {"line\r\nbreak", "Grüße 😀"},
                                           {" padded ", "plain"}},
                                          {"name", "we\"ird"});
        QCOMPARE(ClipboardFormat::csv(block),
                 QStringLiteral("name,\"we\"\"ird\"\r\n"
                                ",\"\"\r\n"
                                "\"a,b\",\"say \"\"hi\"\"\"\r\n"
                                "\"line\r\nbreak\",Grüße 😀\r\n"
                                " padded ,plain\r\n"));
        QCOMPARE(ClipboardFormat::csv(textBlock({})), QStringLiteral("a,b\r\n"));
    }

    void json()
    {
        // Lines, not one raw string: moc (Qt 6.4) reads a backslash in a raw string as an escape.
        const QStringList expected = {
            "[",
            "  {",
            "    \"id\": 9223372036854775807,",
            "    \"amount\": 0.1000000000000000000001,",
            "    \"ratio\": 1e+20,",
            "    \"ok\": true,",
            "    \"name\": \"Zoë \\\"Z\\\"\",",
            "    \"doc\": {",
            "      \"b\": [",
            "        1,",
            "        2.50",
            "      ],",
            "      \"a\": {}",
            "    },",
            "    \"raw\": \"{not json\",",
            "    \"tags\": \"{1,2}\",",
            "    \"born\": \"2024-02-29\"",
            "  },",
            "  {",
            "    \"id\": -1,",
            "    \"amount\": \"NaN\",",
            "    \"ratio\": \"-Infinity\",",
            "    \"ok\": false,",
            "    \"name\": \"\",",
            "    \"doc\": [],",
            "    \"raw\": {",
            "      \"k\": 12345678901234567890",
            "    },",
            "    \"tags\": null,",
            "    \"born\": null",
            "  }",
            "]",
        };
        QCOMPARE(ClipboardFormat::json(typedBlock()), expected.join(QLatin1Char('\n')));
        QCOMPARE(ClipboardFormat::json(textBlock({})), QStringLiteral("[]"));
    }

    void jsonEscapesStrings()
    {
        const CellBlock block = textBlock({{"tab\there\nnew \\ \"q\"", QStringLiteral("bell") + QChar(7)}});
        QCOMPARE(ClipboardFormat::json(block), QStringLiteral("[\n  {\n    \"a\": \"tab\\there\\nnew \\\\ \\\"q\\\"\",\n"
                                                              "    \"b\": \"bell\\u0007\"\n  }\n]"));
    }

    void jsonRefusesWhatJsonCannotSpell_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");

        QTest::newRow("integer") << "integer" << "42" << "42";
        QTest::newRow("negative zero") << "double precision" << "-0" << "-0";
        QTest::newRow("exponent") << "real" << "1.5e-07" << "1.5e-07";
        QTest::newRow("Infinity") << "numeric" << "Infinity" << "\"Infinity\"";
        QTest::newRow("money is text") << "money" << "$1.00" << "\"$1.00\"";
        QTest::newRow("leading dot") << "numeric" << ".5" << "\".5\"";
        QTest::newRow("boolean spelled out") << "boolean" << "true" << "true";
        QTest::newRow("odd boolean") << "boolean" << "maybe" << "\"maybe\"";
        QTest::newRow("json scalar") << "json" << "\"s\"" << "\"s\"";
        QTest::newRow("json number") << "jsonb" << "1.000" << "1.000";
        QTest::newRow("json trailing comma") << "json" << "[1,]" << "\"[1,]\"";
        QTest::newRow("json two values") << "json" << "1 2" << "\"1 2\"";
        // Escaped, not raw strings: moc (Qt 6.4) reads a backslash in a raw string as an escape.
        QTest::newRow("json bad escape") << "json" << "[\"\\x\"]" << "\"[\\\"\\\\x\\\"]\"";
        QTest::newRow("json unicode escape") << "json" << "\"\\u00e9😀\"" << "\"\\u00e9😀\"";
    }

    void jsonRefusesWhatJsonCannotSpell()
    {
        QFETCH(QString, type);
        QFETCH(QString, value);
        QFETCH(QString, written);
        CellBlock block;
        block.columns = {column("v", type)};
        block.rows = {{value}};
        QCOMPARE(ClipboardFormat::json(block), QStringLiteral("[\n  {\n    \"v\": ") + written + QStringLiteral("\n  }\n]"));
    }

    void sqlInsert()
    {
        QCOMPARE(ClipboardFormat::sqlInsert(typedBlock()),
                 QStringLiteral("INSERT INTO \"app\".\"Ta\"\"ble\" (\"id\", \"amount\", \"ratio\", \"ok\", \"name\", \"doc\", "
                                "\"raw\", \"tags\", \"born\") VALUES ('9223372036854775807', '0.1000000000000000000001', "
                                "'1e+20', 't', 'Zoë \"Z\"', '{\"b\": [1, 2.50], \"a\": {}}', '{not json', '{1,2}', "
                                "'2024-02-29');\n"
                                "INSERT INTO \"app\".\"Ta\"\"ble\" (\"id\", \"amount\", \"ratio\", \"ok\", \"name\", \"doc\", "
                                "\"raw\", \"tags\", \"born\") VALUES ('-1', 'NaN', '-Infinity', 'f', '', '[]', "
                                "'  {\"k\":12345678901234567890}  ', NULL, NULL);"));
        CellBlock hostile = textBlock({{"O'Hara", "back\\slash"}}, {"a\"; --", "$1"});
        hostile.schema.clear();
        QCOMPARE(ClipboardFormat::sqlInsert(hostile),
                 QStringLiteral("INSERT INTO \"t\" (\"a\"\"; --\", \"$1\") VALUES ('O''Hara', 'back\\slash');"));
    }

    void parseTsv_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Rows>("rows");

        QTest::newRow("empty") << QString() << Rows{};
        QTest::newRow("one cell") << "x" << Rows{{"x"}};
        QTest::newRow("one empty line") << "\n" << Rows{{""}};
        QTest::newRow("trailing newline ignored") << "a\tb\nc\td\n" << Rows{{"a", "b"}, {"c", "d"}};
        QTest::newRow("only one trailing newline ignored") << "a\n\n" << Rows{{"a"}, {""}};
        QTest::newRow("CRLF") << "a\tb\r\nc\td\r\n" << Rows{{"a", "b"}, {"c", "d"}};
        QTest::newRow("empty cells") << "\t\n\tx\t" << Rows{{"", ""}, {"", "x", ""}};
        QTest::newRow("ragged rows") << "a\nb\tc" << Rows{{"a"}, {"b", "c"}};
        QTest::newRow("quoted tab, newline and quote") << "\"a\tb\"\t\"c\nd\"\t\"e\"\"f\"" << Rows{{"a\tb", "c\nd", "e\"f"}};
        QTest::newRow("quoted CRLF kept") << "\"a\r\nb\"\r\nc" << Rows{{"a\r\nb"}, {"c"}};
        QTest::newRow("quote inside an unquoted cell is text") << "say \"hi\"\tx" << Rows{{"say \"hi\"", "x"}};
        QTest::newRow("unclosed quote is text") << "\"abc\tdef" << Rows{{"\"abc", "def"}};
        QTest::newRow("text after the closing quote") << "\"ab\"cd\te" << Rows{{"abcd", "e"}};
        QTest::newRow("quoted empty") << "\"\"\tx" << Rows{{"", "x"}};
        QTest::newRow("unicode") << "Grüße\t😀\n" << Rows{{"Grüße", "😀"}};
        QTest::newRow("quoted cell ending in a newline at the end") << "\"a\n\"\n" << Rows{{"a\n"}};
    }

    void parseTsv()
    {
        QFETCH(QString, text);
        QFETCH(Rows, rows);
        const Rows parsed = ClipboardFormat::parseTsv(text);
        QCOMPARE(parsed, rows);
        for (const QStringList &row : parsed) {
            for (const QString &cell : row)
                QVERIFY(!cell.isNull());
        }
    }

    void tsvRoundTrip_data()
    {
        QTest::addColumn<Rows>("rows");

        QTest::newRow("plain") << Rows{{"a", "b"}, {"c", "d"}};
        QTest::newRow("hostile cells") << Rows{{"\"", "\t"}, {"\n", "\r\n"}, {"\"\"", "x\"\ty"}, {" ", "Grüße 😀"}};
        QTest::newRow("leading quote") << Rows{{"\"quoted\" start", "end \"quoted\""}};
        QTest::newRow("empty cells") << Rows{{"", ""}, {"", ""}};
        QTest::newRow("one column, empty last") << Rows{{"a"}, {""}};
        QTest::newRow("one empty cell") << Rows{{""}};
        QTest::newRow("one column, empty rows") << Rows{{""}, {""}, {""}};
        QTest::newRow("trailing newline in the last cell") << Rows{{"a", "b\n"}};
    }

    void tsvRoundTrip()
    {
        QFETCH(Rows, rows);
        const CellBlock block = textBlock(rows, rows.first().size() == 1 ? QStringList{"a"} : QStringList{"a", "b"});
        QCOMPARE(ClipboardFormat::parseTsv(ClipboardFormat::tsv(block)), rows);
        // With a header, the first row read back is the names.
        const Rows withHeader = ClipboardFormat::parseTsv(ClipboardFormat::tsv(block, true));
        QCOMPARE(withHeader.first(), (block.columns.size() == 1 ? QStringList{"a"} : QStringList{"a", "b"}));
        QCOMPARE(withHeader.mid(1), rows);
    }

    void nullsPasteBackAsEmpty()
    {
        const CellBlock block = textBlock({{QString(), "x"}, {empty, QString()}});
        QCOMPARE(ClipboardFormat::parseTsv(ClipboardFormat::tsv(block)), (Rows{{"", "x"}, {"", ""}}));
    }
};

STRATA_TEST(ClipboardFormatTest)

#include "ClipboardFormatTest.moc"
