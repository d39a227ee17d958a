// ExportEncoding: CSV fields exactly as COPY … (FORMAT csv) writes them, and SQL literals for
// the INSERT statements of an SQL export. (TableExportTest checks the cursor's CSV against a
// real COPY byte for byte; these rows say which case is which.)
#include "TestRegistry.h"

#include "data/ExportEncoding.h"

#include <QTest>

using namespace strata;

namespace {

constexpr bool null = true;

} // namespace

class ExportEncodingTest : public QObject
{
    Q_OBJECT

private slots:
    void csvField_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("isNull");
        QTest::addColumn<bool>("onlyColumn");
        QTest::addColumn<QByteArray>("csv");

        QTest::newRow("plain") << QByteArray("abc") << false << false << QByteArray("abc");
        QTest::newRow("NULL is nothing") << QByteArray() << null << false << QByteArray();
        QTest::newRow("empty string is quoted") << QByteArray("") << false << false << QByteArray("\"\"");
        QTest::newRow("comma") << QByteArray("a,b") << false << false << QByteArray("\"a,b\"");
        QTest::newRow("quote doubled") << QByteArray("say \"hi\"") << false << false << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("line feed") << QByteArray("a\nb") << false << false << QByteArray("\"a\nb\"");
        QTest::newRow("carriage return") << QByteArray("a\rb") << false << false << QByteArray("\"a\rb\"");
        QTest::newRow("tab stays bare") << QByteArray("a\tb") << false << false << QByteArray("a\tb");
        QTest::newRow("backslash stays bare") << QByteArray("a\\N") << false << false << QByteArray("a\\N");
        QTest::newRow("end marker alone") << QByteArray("\\.") << false << true << QByteArray("\"\\.\"");
        QTest::newRow("end marker among columns") << QByteArray("\\.") << false << false << QByteArray("\\.");
        QTest::newRow("unicode") << QByteArray("żółw 🐢") << false << false << QByteArray("żółw 🐢");
        QTest::newRow("leading space bare") << QByteArray(" x ") << false << false << QByteArray(" x ");
    }

    void csvField()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, isNull);
        QFETCH(bool, onlyColumn);
        QFETCH(QByteArray, csv);
        QByteArray out = "pre|";
        ExportEncoding::appendCsvField(out, value.constData(), value.size(), isNull, onlyColumn);
        QCOMPARE(out, "pre|" + csv);
    }

    void sqlLiteral_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("isNull");
        QTest::addColumn<quint32>("type");
        QTest::addColumn<QByteArray>("sql");

        QTest::newRow("NULL") << QByteArray() << null << 25u << QByteArray("NULL");
        QTest::newRow("text") << QByteArray("abc") << false << 25u << QByteArray("'abc'");
        QTest::newRow("empty text") << QByteArray("") << false << 25u << QByteArray("''");
        QTest::newRow("quote doubled") << QByteArray("it's") << false << 25u << QByteArray("'it''s'");
        QTest::newRow("backslash as is") << QByteArray("a\\b") << false << 25u << QByteArray("'a\\b'");
        QTest::newRow("text that looks like NULL") << QByteArray("NULL") << false << 25u << QByteArray("'NULL'");
        QTest::newRow("text of digits") << QByteArray("0123") << false << 25u << QByteArray("'0123'");
        QTest::newRow("bigint min") << QByteArray("-9223372036854775808") << false << 20u
                                    << QByteArray("-9223372036854775808");
        QTest::newRow("numeric") << QByteArray("176366.7462204254") << false << 1700u << QByteArray("176366.7462204254");
        QTest::newRow("numeric NaN") << QByteArray("NaN") << false << 1700u << QByteArray("'NaN'");
        QTest::newRow("float exponent") << QByteArray("1e-05") << false << 701u << QByteArray("1e-05");
        QTest::newRow("float infinity") << QByteArray("-Infinity") << false << 701u << QByteArray("'-Infinity'");
        QTest::newRow("boolean true") << QByteArray("t") << false << 16u << QByteArray("true");
        QTest::newRow("boolean false") << QByteArray("f") << false << 16u << QByteArray("false");
        QTest::newRow("bytea hex") << QByteArray("\\x00ff") << false << 17u << QByteArray("'\\x00ff'");
        QTest::newRow("array") << QByteArray("{\"a,b\",NULL}") << false << 1009u << QByteArray("'{\"a,b\",NULL}'");
    }

    void sqlLiteral()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, isNull);
        QFETCH(quint32, type);
        QFETCH(QByteArray, sql);
        QByteArray out;
        ExportEncoding::appendSqlLiteral(out, value.constData(), value.size(), isNull, type);
        QCOMPARE(out, sql);
    }
};

STRATA_TEST(ExportEncodingTest)
#include "ExportEncodingTest.moc"
