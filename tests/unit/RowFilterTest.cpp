// RowFilter and FilterCompiler: every operator to SQL with $n parameters, NULL tests, quotes
// and unicode in values and names, hostile column names, LIKE escaping, casts for non-text
// columns, parameter numbering, errors; RawWhereCheck accepting and refusing typed clauses.
#include "TestRegistry.h"

#include "data/RawWhereCheck.h"
#include "data/RowFilter.h"

#include <QSet>
#include <QTest>

using namespace strata;

namespace {

using Op = RowFilter::Op;
using Filters = QList<RowFilter>;

Column column(const QString &name, const QString &type, const QString &typeSchema = {}, int arrayDimensions = 0)
{
    Column c;
    c.name = name;
    c.type = type;
    c.typeSchema = typeSchema;
    c.arrayDimensions = arrayDimensions;
    return c;
}

const QList<Column> columns = {
    column(QStringLiteral("id"), QStringLiteral("bigint")),
    column(QStringLiteral("name"), QStringLiteral("text")),
    column(QStringLiteral("age"), QStringLiteral("integer")),
    column(QStringLiteral("active"), QStringLiteral("boolean")),
    column(QStringLiteral("payload"), QStringLiteral("json")),
    column(QStringLiteral("doc"), QStringLiteral("jsonb")),
    column(QStringLiteral("created"), QStringLiteral("timestamp(3) with time zone")),
    column(QStringLiteral("code"), QStringLiteral("character varying(10)")),
    column(QStringLiteral("tags"), QStringLiteral("text"), {}, 1),
    column(QStringLiteral("status"), QStringLiteral("post_status"), QStringLiteral("public")),
    column(QStringLiteral("where"), QStringLiteral("point")),
    column(QStringLiteral("we\"ird name"), QStringLiteral("text")),
    column(QStringLiteral("Grüße 😀"), QStringLiteral("text")),
    column(QStringLiteral("$1"), QStringLiteral("text")),
    column(QStringLiteral("-- x"), QStringLiteral("integer")),
    column(QStringLiteral("a\"; DROP TABLE t; --"), QStringLiteral("text")),
};

RowFilter filter(const QString &name, Op op, const QStringList &values = {})
{
    return RowFilter{name, op, values};
}

} // namespace

Q_DECLARE_METATYPE(Filters)
Q_DECLARE_METATYPE(QList<Op>)
Q_DECLARE_METATYPE(strata::Column)

class RowFilterTest : public QObject
{
    Q_OBJECT

private slots:
    void compile_data()
    {
        QTest::addColumn<Filters>("filters");
        QTest::addColumn<int>("firstParam");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("params");

        const QString id = QStringLiteral("id");
        const QString name = QStringLiteral("name");
        const QString age = QStringLiteral("age");

        QTest::newRow("no filters") << Filters{} << 1 << QString() << QStringList{};
        QTest::newRow("equals") << Filters{filter(age, Op::Equals, {"42"})} << 1 << R"(("age" = $1))"
                                << QStringList{"42"};
        QTest::newRow("not equals") << Filters{filter(age, Op::NotEquals, {"42"})} << 1 << R"(("age" <> $1))"
                                    << QStringList{"42"};
        QTest::newRow("less") << Filters{filter(age, Op::Less, {"10"})} << 1 << R"(("age" < $1))"
                              << QStringList{"10"};
        QTest::newRow("less or equal") << Filters{filter(age, Op::LessOrEqual, {"10"})} << 1
                                       << R"(("age" <= $1))" << QStringList{"10"};
        QTest::newRow("greater") << Filters{filter(age, Op::Greater, {"10"})} << 1 << R"(("age" > $1))"
                                 << QStringList{"10"};
        QTest::newRow("greater or equal") << Filters{filter(age, Op::GreaterOrEqual, {"10"})} << 1
                                          << R"(("age" >= $1))" << QStringList{"10"};
        QTest::newRow("contains") << Filters{filter(name, Op::Contains, {"ann"})} << 1
                                  << R"(("name" ILIKE $1))" << QStringList{"%ann%"};
        QTest::newRow("does not contain") << Filters{filter(name, Op::NotContains, {"ann"})} << 1
                                          << R"(("name" NOT ILIKE $1))" << QStringList{"%ann%"};
        QTest::newRow("starts with") << Filters{filter(name, Op::StartsWith, {"ann"})} << 1
                                     << R"(("name" ILIKE $1))" << QStringList{"ann%"};
        QTest::newRow("ends with") << Filters{filter(name, Op::EndsWith, {"ann"})} << 1
                                   << R"(("name" ILIKE $1))" << QStringList{"%ann"};
        QTest::newRow("is null") << Filters{filter(name, Op::IsNull)} << 1 << R"(("name" IS NULL))"
                                 << QStringList{};
        QTest::newRow("is not null") << Filters{filter(name, Op::IsNotNull)} << 1 << R"(("name" IS NOT NULL))"
                                     << QStringList{};
        QTest::newRow("in, one value") << Filters{filter(id, Op::In, {"7"})} << 1 << R"(("id" IN ($1)))"
                                       << QStringList{"7"};
        QTest::newRow("in, three values") << Filters{filter(id, Op::In, {"7", "8", "9"})} << 1
                                          << R"(("id" IN ($1, $2, $3)))" << QStringList{"7", "8", "9"};
        QTest::newRow("between") << Filters{filter(age, Op::Between, {"18", "65"})} << 1
                                 << R"(("age" BETWEEN $1 AND $2))" << QStringList{"18", "65"};
        QTest::newRow("several ANDed, numbered in order")
            << Filters{filter(age, Op::Greater, {"18"}), filter(name, Op::IsNotNull),
                       filter(name, Op::Contains, {"x"}), filter(id, Op::Between, {"1", "9"})}
            << 1 << R"(("age" > $1 AND "name" IS NOT NULL AND "name" ILIKE $2 AND "id" BETWEEN $3 AND $4))"
            << QStringList{"18", "%x%", "1", "9"};
        QTest::newRow("numbered from firstParam")
            << Filters{filter(age, Op::Greater, {"18"}), filter(id, Op::In, {"1", "2"})} << 4
            << R"(("age" > $4 AND "id" IN ($5, $6)))" << QStringList{"18", "1", "2"};
        QTest::newRow("firstParam past 9") << Filters{filter(age, Op::Between, {"1", "2"})} << 10
                                           << R"(("age" BETWEEN $10 AND $11))" << QStringList{"1", "2"};

        // Values are parameters: quotes, backslashes and SQL in them stay data.
        QTest::newRow("quote in value") << Filters{filter(name, Op::Equals, {"O'Hara"})} << 1
                                        << R"(("name" = $1))" << QStringList{"O'Hara"};
        QTest::newRow("quote in contains") << Filters{filter(name, Op::Contains, {"O'Hara"})} << 1
                                           << R"(("name" ILIKE $1))" << QStringList{"%O'Hara%"};
        QTest::newRow("SQL in value") << Filters{filter(name, Op::Equals, {"x'; DROP TABLE t; --"})} << 1
                                      << R"(("name" = $1))" << QStringList{"x'; DROP TABLE t; --"};
        QTest::newRow("double quote and $1 in value") << Filters{filter(name, Op::In, {"\"a\"", "$1"})} << 1
                                                      << R"(("name" IN ($1, $2)))" << QStringList{"\"a\"", "$1"};
        QTest::newRow("unicode value") << Filters{filter(name, Op::StartsWith, {"Grüße 😀"})} << 1
                                       << R"(("name" ILIKE $1))" << QStringList{"Grüße 😀%"};
        QTest::newRow("empty value is an empty string") << Filters{filter(name, Op::Equals, {""})} << 1
                                                        << R"(("name" = $1))" << QStringList{""};

        // LIKE wildcards typed by the user match themselves.
        QTest::newRow("percent escaped") << Filters{filter(name, Op::Contains, {"100%"})} << 1
                                         << R"(("name" ILIKE $1))" << QStringList{"%100\\%%"};
        QTest::newRow("underscore escaped") << Filters{filter(name, Op::StartsWith, {"a_b"})} << 1
                                            << R"(("name" ILIKE $1))" << QStringList{"a\\_b%"};
        QTest::newRow("backslash escaped") << Filters{filter(name, Op::EndsWith, {"C:\\dir"})} << 1
                                           << R"(("name" ILIKE $1))" << QStringList{"%C:\\\\dir"};
        QTest::newRow("wildcards only in equals are not escaped") << Filters{filter(name, Op::Equals, {"a_%"})} << 1
                                                                 << R"(("name" = $1))" << QStringList{"a_%"};

        // Non-text columns are cast for ILIKE; types without equality compare as text.
        QTest::newRow("contains on an integer") << Filters{filter(age, Op::StartsWith, {"4"})} << 1
                                                << R"(("age"::text ILIKE $1))" << QStringList{"4%"};
        QTest::newRow("contains on a timestamp") << Filters{filter("created", Op::StartsWith, {"2024-05"})} << 1
                                                 << R"(("created"::text ILIKE $1))" << QStringList{"2024-05%"};
        QTest::newRow("contains on varchar: no cast") << Filters{filter("code", Op::Contains, {"x"})} << 1
                                                      << R"(("code" ILIKE $1))" << QStringList{"%x%"};
        QTest::newRow("contains on an array") << Filters{filter("tags", Op::Contains, {"red"})} << 1
                                              << R"(("tags"::text ILIKE $1))" << QStringList{"%red%"};
        QTest::newRow("contains on an enum") << Filters{filter("status", Op::Contains, {"dra"})} << 1
                                             << R"(("status"::text ILIKE $1))" << QStringList{"%dra%"};
        QTest::newRow("contains on json") << Filters{filter("payload", Op::Contains, {"\"k\""})} << 1
                                          << R"(("payload"::text ILIKE $1))" << QStringList{"%\"k\"%"};
        QTest::newRow("equals on json compares text") << Filters{filter("payload", Op::Equals, {"{}"})} << 1
                                                      << R"(("payload"::text = $1))" << QStringList{"{}"};
        QTest::newRow("equals on jsonb is typed") << Filters{filter("doc", Op::Equals, {"{}"})} << 1
                                                  << R"(("doc" = $1))" << QStringList{"{}"};
        QTest::newRow("in on a point compares text") << Filters{filter("where", Op::In, {"(1,2)"})} << 1
                                                     << R"(("where"::text IN ($1)))" << QStringList{"(1,2)"};
        QTest::newRow("equals on an enum is typed") << Filters{filter("status", Op::Equals, {"draft"})} << 1
                                                    << R"(("status" = $1))" << QStringList{"draft"};
        QTest::newRow("boolean") << Filters{filter("active", Op::Equals, {"true"})} << 1
                                 << R"(("active" = $1))" << QStringList{"true"};

        // Names are always quoted, whatever they contain.
        QTest::newRow("reserved word as a name") << Filters{filter("where", Op::IsNull)} << 1
                                                 << R"(("where" IS NULL))" << QStringList{};
        QTest::newRow("double quote in a name") << Filters{filter("we\"ird name", Op::Equals, {"x"})} << 1
                                                << R"(("we""ird name" = $1))" << QStringList{"x"};
        QTest::newRow("unicode name") << Filters{filter("Grüße 😀", Op::Contains, {"ß"})} << 1
                                      << R"(("Grüße 😀" ILIKE $1))" << QStringList{"%ß%"};
        QTest::newRow("$1 as a name") << Filters{filter("$1", Op::Equals, {"v"})} << 1
                                      << R"(("$1" = $1))" << QStringList{"v"};
        QTest::newRow("comment as a name") << Filters{filter("-- x", Op::Greater, {"1"})} << 1
                                           << R"(("-- x" > $1))" << QStringList{"1"};
        QTest::newRow("injection as a name")
            << Filters{filter("a\"; DROP TABLE t; --", Op::IsNotNull)} << 1
            << R"(("a""; DROP TABLE t; --" IS NOT NULL))" << QStringList{};
    }

    void compile()
    {
        QFETCH(Filters, filters);
        QFETCH(int, firstParam);
        QFETCH(QString, sql);
        QFETCH(QStringList, params);

        const CompiledFilter compiled = FilterCompiler::compile(filters, columns, firstParam);
        QCOMPARE(compiled.error, QString());
        QCOMPARE(compiled.sql, sql);
        QCOMPARE(compiled.params, params);
        for (const QString &param : compiled.params)
            QVERIFY(!param.isNull());
    }

    void errors_data()
    {
        QTest::addColumn<Filters>("filters");
        QTest::addColumn<QString>("error");

        QTest::newRow("unknown column") << Filters{filter("nope", Op::IsNull)} << R"(the table has no column "nope")";
        QTest::newRow("column names are case-sensitive")
            << Filters{filter("Name", Op::IsNull)} << R"(the table has no column "Name")";
        QTest::newRow("unknown column after a good one")
            << Filters{filter("age", Op::Equals, {"1"}), filter("ag e", Op::Equals, {"1"})}
            << R"(the table has no column "ag e")";
        QTest::newRow("equals without a value") << Filters{filter("age", Op::Equals)} << "age = needs 1 value(s)";
        QTest::newRow("equals with two values")
            << Filters{filter("age", Op::Equals, {"1", "2"})} << "age = needs 1 value(s)";
        QTest::newRow("between with one value")
            << Filters{filter("age", Op::Between, {"1"})} << "age between needs 2 value(s)";
        QTest::newRow("is null with a value")
            << Filters{filter("age", Op::IsNull, {"1"})} << "age is NULL takes no value";
        QTest::newRow("in without values") << Filters{filter("age", Op::In)} << "age is one of needs at least one value";
    }

    void errors()
    {
        QFETCH(Filters, filters);
        QFETCH(QString, error);

        const CompiledFilter compiled = FilterCompiler::compile(filters, columns);
        QCOMPARE(compiled.error, error);
        QVERIFY(compiled.sql.isEmpty());
        QVERIFY(compiled.params.isEmpty());
    }

    void nullValueBecomesEmptyString()
    {
        const CompiledFilter compiled = FilterCompiler::compile({filter("name", Op::In, {QString(), "x"})}, columns);
        QCOMPARE(compiled.params, (QStringList{"", "x"}));
        QVERIFY(!compiled.params.first().isNull());
    }

    void rawWhere_data()
    {
        QTest::addColumn<Filters>("filters");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("firstParam");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("params");

        QTest::newRow("raw alone") << Filters{} << "age > 3 OR name IS NULL" << 1
                                   << "((age > 3 OR name IS NULL))" << QStringList{};
        QTest::newRow("raw ANDed after filters")
            << Filters{filter("age", Op::Greater, {"18"})} << "  lower(name) = 'x'  " << 2
            << R"(("age" > $2 AND (lower(name) = 'x')))" << QStringList{"18"};
        QTest::newRow("blank raw is no clause") << Filters{filter("age", Op::IsNull)} << " \n\t " << 1
                                                << R"(("age" IS NULL))" << QStringList{};
        QTest::newRow("trailing comment keeps the parenthesis")
            << Filters{} << "id = 1 -- the first" << 1 << "((id = 1 -- the first\n))" << QStringList{};
        QTest::newRow("semicolon in a string") << Filters{} << "name = 'a; DROP TABLE t'" << 1
                                               << "((name = 'a; DROP TABLE t'))" << QStringList{};
        QTest::newRow("balanced parentheses") << Filters{} << "(a) OR (b)" << 1 << "(((a) OR (b)))"
                                              << QStringList{};
        QTest::newRow("subquery") << Filters{} << "id IN (SELECT id FROM x WHERE y)" << 1
                                  << "((id IN (SELECT id FROM x WHERE y)))" << QStringList{};
        QTest::newRow("unicode") << Filters{} << "\"Grüße 😀\" = 'ß'" << 1 << "((\"Grüße 😀\" = 'ß'))"
                                 << QStringList{};
    }

    void rawWhere()
    {
        QFETCH(Filters, filters);
        QFETCH(QString, raw);
        QFETCH(int, firstParam);
        QFETCH(QString, sql);
        QFETCH(QStringList, params);

        QVERIFY(RawWhereCheck::check(raw).isNull());
        const CompiledFilter compiled = FilterCompiler::compile(filters, raw, columns, firstParam);
        QCOMPARE(compiled.error, QString());
        QCOMPARE(compiled.sql, sql);
        QCOMPARE(compiled.params, params);
    }

    void rawWhereRefused_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("position");

        QTest::newRow("second statement") << "true; DROP TABLE x" << R"(syntax error at or near ";")" << 5;
        QTest::newRow("closing parenthesis and comment") << "1=1) --" << "syntax error at or near \")\"" << 4;
        QTest::newRow("escaping the parentheses") << "a) OR (b" << "syntax error at or near \")\"" << 2;
        QTest::newRow("unclosed parenthesis") << "(a = 1" << "syntax error at end of input" << 7;
        QTest::newRow("missing operand") << "age >" << "syntax error at end of input" << 6;
        QTest::newRow("ORDER BY") << "true ORDER BY 1" << R"(syntax error at or near "ORDER")" << 6;
        QTest::newRow("UNION") << "true UNION SELECT 1" << R"(syntax error at or near "UNION")" << 6;
        QTest::newRow("keyword") << "name = = 1" << R"(syntax error at or near "=")" << 8;
        QTest::newRow("position counts UTF-16 units")
            << "'😀' = x y" << R"(syntax error at or near "y")" << 10;
        QTest::newRow("position on the second line") << "a = 1\nAND AND b" << R"(syntax error at or near "AND")"
                                                     << 11;
        QTest::newRow("unterminated string") << "name = 'abc" << "unterminated quoted string at or near \"'abc\""
                                             << 8;
        QTest::newRow("unterminated comment") << "a /* b" << "unterminated /* comment at or near \"/* b\"" << 3;
        QTest::newRow("only a comment") << "-- nothing" << "syntax error at end of input" << 11;
        QTest::newRow("parameter") << "id = $1" << "parameters such as $1 cannot be used in a typed WHERE clause" << 6;
        QTest::newRow("NUL") << QStringLiteral("a = 'x") + QChar(0) + QStringLiteral("'")
                             << "the text contains a NUL character, which PostgreSQL refuses" << 7;
    }

    void rawWhereRefused()
    {
        QFETCH(QString, raw);
        QFETCH(QString, message);
        QFETCH(int, position);

        const RawWhereProblem problem = RawWhereCheck::check(raw);
        QCOMPARE(problem.message, message);
        QCOMPARE(problem.position, position);

        const CompiledFilter compiled = FilterCompiler::compile({filter("age", Op::IsNull)}, raw, columns);
        QCOMPARE(compiled.error, QStringLiteral("WHERE clause: ") + message);
        QCOMPARE(compiled.rawWherePosition, position);
        QVERIFY(compiled.sql.isEmpty());
        QVERIFY(compiled.params.isEmpty());
    }

    void opsFor_data()
    {
        QTest::addColumn<Column>("column");
        QTest::addColumn<QList<Op>>("has");
        QTest::addColumn<QList<Op>>("hasNot");

        QTest::newRow("boolean") << column("b", "boolean") << QList<Op>{Op::Equals, Op::IsNull}
                                 << QList<Op>{Op::Contains, Op::Less, Op::Between};
        QTest::newRow("integer") << column("i", "integer") << QList<Op>{Op::Greater, Op::Between, Op::In}
                                 << QList<Op>{Op::Contains};
        QTest::newRow("text") << column("t", "character varying(5)")
                              << QList<Op>{Op::Contains, Op::EndsWith, Op::In, Op::IsNotNull} << QList<Op>{};
        QTest::newRow("json") << column("j", "json") << QList<Op>{Op::Contains, Op::IsNull}
                              << QList<Op>{Op::Equals, Op::Less};
        QTest::newRow("timestamp") << column("ts", "timestamp(6) without time zone")
                                   << QList<Op>{Op::Between, Op::StartsWith} << QList<Op>{Op::Contains};
        QTest::newRow("array") << column("a", "integer", {}, 1) << QList<Op>{Op::Equals, Op::Contains}
                               << QList<Op>{Op::Less};
        QTest::newRow("enum") << column("e", "mood", "public") << QList<Op>{Op::Equals, Op::Less, Op::In}
                              << QList<Op>{};
    }

    void opsFor()
    {
        QFETCH(Column, column);
        QFETCH(QList<Op>, has);
        QFETCH(QList<Op>, hasNot);
        const QList<Op> ops = RowFilter::opsFor(column);
        for (Op op : has)
            QVERIFY2(ops.contains(op), qPrintable(RowFilter::opId(op)));
        for (Op op : hasNot)
            QVERIFY2(!ops.contains(op), qPrintable(RowFilter::opId(op)));
        QCOMPARE(QSet<Op>(ops.begin(), ops.end()).size(), ops.size());
    }

    void opIdsRoundTrip()
    {
        QSet<QString> ids;
        for (int i = 0; i <= int(Op::Between); ++i) {
            const Op op = Op(i);
            QVERIFY(!RowFilter::opLabel(op).isEmpty());
            ids.insert(RowFilter::opId(op));
            QCOMPARE(RowFilter::opFromId(RowFilter::opId(op)), std::optional<Op>(op));
        }
        QCOMPARE(ids.size(), int(Op::Between) + 1);
        QVERIFY(!RowFilter::opFromId(QStringLiteral("nope")).has_value());
    }
};

STRATA_TEST(RowFilterTest)

#include "RowFilterTest.moc"
