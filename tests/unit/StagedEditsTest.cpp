// StagedEdits: the exact SQL and parameters for staged updates (one and many columns, NULL
// against "", composite keys, hostile names), deletes, inserts, reverts, order, the conflict
// condition by xmin or by every loaded value, and the review text.
#include "TestRegistry.h"

#include "data/StagedEdits.h"

#include <QTest>

using namespace strata;

namespace {

Column column(const QString &name, const QString &type, const QString &typeSchema = {})
{
    Column c;
    c.name = name;
    c.type = type;
    c.typeSchema = typeSchema;
    return c;
}

// "<sql> | $1=<'value' or NULL>, …": QStringList's == would call NULL and "" equal.
QStringList describe(const QList<EditStatement> &statements)
{
    QStringList lines;
    for (const EditStatement &statement : statements) {
        QStringList params;
        for (const QString &param : statement.params)
            params.append(param.isNull() ? QStringLiteral("NULL") : QLatin1Char('\'') + param + QLatin1Char('\''));
        lines.append(statement.sql + QStringLiteral(" | ") + params.join(QStringLiteral(", ")));
    }
    return lines;
}

const QString empty = QString::fromUtf8("");  // "" and not NULL

// public.users (id integer PRIMARY KEY, name text, note text, payload json, loc point, mood mood)
StagedEdits users()
{
    return StagedEdits(QStringLiteral("public"), QStringLiteral("users"),
                       {column("id", "integer"), column("name", "text"), column("note", "text"),
                        column("payload", "json"), column("loc", "point"), column("mood", "mood", "public")},
                       {QStringLiteral("id")});
}

const QStringList row7 = {"7", "Ann", QString(), "{\"a\": 1}", "(1,2)", "happy"};
const QStringList row8 = {"8", "Bob", empty, QString(), QString(), QString()};
const QString xmin7 = QStringLiteral("1234");
const QString xmin8 = QStringLiteral("4294967295");

} // namespace

class StagedEditsTest : public QObject
{
    Q_OBJECT

private slots:
    void emptyByDefault()
    {
        const StagedEdits edits = users();
        QVERIFY(edits.isEmpty());
        QCOMPARE(edits.changeCount(), 0);
        QVERIFY(edits.statements().isEmpty());
        QCOMPARE(edits.reviewText(), QString());
        QCOMPARE(edits.schema(), QStringLiteral("public"));
        QCOMPARE(edits.table(), QStringLiteral("users"));
        QCOMPARE(edits.columns().size(), 6);
        QCOMPARE(edits.keyColumns(), QStringList{"id"});
    }

    void updateOneColumnByXmin()
    {
        StagedEdits edits = users();
        edits.setValue({"7"}, 1, "O'Hara", row7, xmin7);
        QVERIFY(edits.isChanged({"7"}, 1));
        QVERIFY(!edits.isChanged({"7"}, 2));
        QCOMPARE(edits.stagedValue({"7"}, 1), std::optional<QString>("O'Hara"));
        QCOMPARE(edits.stagedValue({"7"}, 2), std::nullopt);
        QCOMPARE(edits.changeCount(), 1);
        QCOMPARE(describe(edits.statements()),
                 QStringList{R"(UPDATE "public"."users" SET "name" = $1 WHERE "id" = $2 AND xmin = $3::text::xid)"
                             " | 'O'Hara', '7', '1234'"});
        const EditStatement statement = edits.statements().first();
        QCOMPARE(statement.kind, EditStatement::Kind::Update);
        QCOMPARE(statement.key, QStringList{"7"});
        QCOMPARE(statement.insertIndex, -1);
        QVERIFY(statement.expectsOneRow);
    }

    void updateManyColumnsInColumnOrder()
    {
        StagedEdits edits = users();
        edits.setValue({"8"}, 2, "n", row8, xmin8);
        edits.setValue({"8"}, 1, "B", row8, xmin8);
        edits.setValue({"8"}, 1, "Bobby", row8, xmin8);  // the second value replaces the first
        QCOMPARE(edits.changeCount(), 2);
        QCOMPARE(describe(edits.statements()),
                 QStringList{R"(UPDATE "public"."users" SET "name" = $1, "note" = $2 WHERE "id" = $3 AND xmin = $4::text::xid)"
                             " | 'Bobby', 'n', '8', '4294967295'"});
    }

    void nullIsNotTheEmptyString()
    {
        StagedEdits edits = users();
        edits.setValue({"7"}, 2, empty, row7, xmin7);     // NULL -> ""
        edits.setValue({"8"}, 2, QString(), row8, xmin8);  // "" -> NULL
        QCOMPARE(edits.stagedValue({"7"}, 2), std::optional<QString>(empty));
        QVERIFY(!edits.stagedValue({"7"}, 2)->isNull());
        QVERIFY(edits.stagedValue({"8"}, 2)->isNull());
        QCOMPARE(describe(edits.statements()),
                 (QStringList{R"(UPDATE "public"."users" SET "note" = $1 WHERE "id" = $2 AND xmin = $3::text::xid)"
                              " | '', '7', '1234'",
                              R"(UPDATE "public"."users" SET "note" = $1 WHERE "id" = $2 AND xmin = $3::text::xid)"
                              " | NULL, '8', '4294967295'"}));
    }

    void valueBackToTheOriginalIsNoChange()
    {
        StagedEdits edits = users();
        edits.setValue({"7"}, 1, "Ann", row7, xmin7);  // unchanged from the start
        QVERIFY(edits.isEmpty());
        edits.setValue({"7"}, 2, empty, row7, xmin7);  // NULL -> "" is a change
        QVERIFY(!edits.isEmpty());
        edits.setValue({"7"}, 2, QString(), row7, xmin7);  // and back to NULL is none
        QVERIFY(edits.isEmpty());
        QVERIFY(edits.statements().isEmpty());
    }

    void revert()
    {
        StagedEdits edits = users();
        edits.setValue({"7"}, 1, "A", row7, xmin7);
        edits.setValue({"7"}, 2, "x", row7, xmin7);
        edits.revertValue({"7"}, 1);
        QVERIFY(!edits.isChanged({"7"}, 1));
        QCOMPARE(describe(edits.statements()),
                 QStringList{R"(UPDATE "public"."users" SET "note" = $1 WHERE "id" = $2 AND xmin = $3::text::xid)"
                             " | 'x', '7', '1234'"});
        edits.revertValue({"7"}, 2);
        QVERIFY(edits.isEmpty());
        QCOMPARE(edits.changedRows(), QList<QStringList>{});
        edits.revertValue({"9"}, 1);  // nothing staged: nothing happens
        QVERIFY(edits.isEmpty());
    }

    // Without xmin, the row must still hold every value as loaded; NULLs with IS NULL,
    // types without equality as text.
    void updateByLoadedValues()
    {
        StagedEdits edits = users();
        edits.setValue({"7"}, 1, "Anne", row7, QString());
        edits.setValue({"8"}, 1, "Bobby", row8, QString());
        QCOMPARE(describe(edits.statements()),
                 (QStringList{
                     R"(UPDATE "public"."users" SET "name" = $1 WHERE "id" = $2 AND "name" = $3 AND "note" IS NULL)"
                     R"( AND "payload"::text = $4 AND "loc"::text = $5 AND "mood"::text = $6)"
                     " | 'Anne', '7', 'Ann', '{\"a\": 1}', '(1,2)', 'happy'",
                     R"(UPDATE "public"."users" SET "name" = $1 WHERE "id" = $2 AND "name" = $3 AND "note" = $4)"
                     R"( AND "payload" IS NULL AND "loc" IS NULL AND "mood" IS NULL)"
                     " | 'Bobby', '8', 'Bob', ''"}));
    }

    void compositeKeyAndHostileNames()
    {
        StagedEdits edits(QStringLiteral("my \"schema\""), QStringLiteral("Ta'ble; --"),
                          {column("tenant id", "uuid"), column("$1", "bigint"), column("Grüße 😀", "text"),
                           column("we\"ird", "jsonb")},
                          {QStringLiteral("tenant id"), QStringLiteral("$1")});
        const QStringList original = {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "9223372036854775807", "hé", "{}"};
        const QStringList key = {original[0], original[1]};
        edits.setValue(key, 2, "ß😀", original, QString());
        edits.setValue(key, 3, "[1]", original, QString());
        QCOMPARE(describe(edits.statements()),
                 // Not a raw string: moc (Qt 6.4) loses the class after a lone ' inside one.
                 QStringList{"UPDATE \"my \"\"schema\"\"\".\"Ta'ble; --\" SET \"Grüße 😀\" = $1, \"we\"\"ird\" = $2"
                             R"( WHERE "tenant id" = $3 AND "$1" = $4 AND "Grüße 😀" = $5 AND "we""ird" = $6)"
                             " | 'ß😀', '[1]', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '9223372036854775807', 'hé', '{}'"});
        QCOMPARE(edits.statements().first().key, key);
        QVERIFY(edits.isChanged(key, 2));
        QVERIFY(!edits.isChanged({key[0], "1"}, 2));
    }

    void tableWithoutSchema()
    {
        StagedEdits edits(QString(), QStringLiteral("t"), {column("id", "integer"), column("v", "text")},
                          {QStringLiteral("id")});
        edits.deleteRow({"1"}, {"1", "x"}, QStringLiteral("5"));
        QCOMPARE(describe(edits.statements()),
                 QStringList{R"(DELETE FROM "t" WHERE "id" = $1 AND xmin = $2::text::xid | '1', '5')"});
    }

    void deleteRows()
    {
        StagedEdits edits = users();
        edits.deleteRow({"7"}, row7, xmin7);
        edits.deleteRow({"8"}, row8, QString());
        edits.deleteRow({"7"}, row7, xmin7);  // twice is once
        QVERIFY(edits.isDeleted({"7"}));
        QVERIFY(!edits.isDeleted({"9"}));
        QCOMPARE(edits.changeCount(), 2);
        QCOMPARE(describe(edits.statements()),
                 (QStringList{R"(DELETE FROM "public"."users" WHERE "id" = $1 AND xmin = $2::text::xid | '7', '1234')",
                              R"(DELETE FROM "public"."users" WHERE "id" = $1 AND "name" = $2 AND "note" = $3)"
                              R"( AND "payload" IS NULL AND "loc" IS NULL AND "mood" IS NULL | '8', 'Bob', '')"}));
        const EditStatement first = edits.statements().first();
        QCOMPARE(first.kind, EditStatement::Kind::Delete);
        QCOMPARE(first.key, QStringList{"7"});
        QVERIFY(first.expectsOneRow);

        edits.undeleteRow({"7"});
        QVERIFY(!edits.isDeleted({"7"}));
        QVERIFY(edits.isDeleted({"8"}));
        QCOMPARE(edits.statements().size(), 1);
    }

    void deleteDropsUpdates()
    {
        StagedEdits edits = users();
        edits.setValue({"7"}, 1, "X", row7, xmin7);
        edits.deleteRow({"7"}, row7, xmin7);
        QVERIFY(!edits.isChanged({"7"}, 1));
        QCOMPARE(edits.changeCount(), 1);
        edits.setValue({"7"}, 2, "ignored", row7, xmin7);  // a deleted row takes no edits
        QCOMPARE(describe(edits.statements()),
                 QStringList{R"(DELETE FROM "public"."users" WHERE "id" = $1 AND xmin = $2::text::xid | '7', '1234')"});
        edits.undeleteRow({"7"});
        QVERIFY(edits.isEmpty());  // the dropped update does not come back
    }

    // The row as loaded when first edited stays the reference for the conflict check.
    void firstLoadedRowIsTheReference()
    {
        StagedEdits edits = users();
        edits.setValue({"7"}, 1, "X", row7, xmin7);
        QStringList reloaded = row7;
        reloaded[2] = QStringLiteral("changed by someone");
        edits.setValue({"7"}, 3, "[]", reloaded, QStringLiteral("9999"));
        edits.deleteRow({"8"}, row8, xmin8);
        QCOMPARE(describe(edits.statements()).last(),
                 R"(UPDATE "public"."users" SET "name" = $1, "payload" = $2 WHERE "id" = $3 AND xmin = $4::text::xid)"
                 " | 'X', '[]', '7', '1234'");
    }

    void inserts()
    {
        StagedEdits edits = users();
        QCOMPARE(edits.insertRow(), 0);
        QCOMPARE(edits.insertRow(), 1);
        QCOMPARE(edits.insertRow(), 2);
        QCOMPARE(edits.insertedCount(), 3);
        QCOMPARE(edits.insertedValue(0, 1), std::nullopt);
        edits.setInsertedValue(0, 2, QString());
        edits.setInsertedValue(0, 1, "Zoë");
        edits.setInsertedValue(2, 1, empty);
        edits.setInsertedValue(2, 3, "{\"k\": [1, 2]}");
        QCOMPARE(edits.insertedValue(0, 1), std::optional<QString>("Zoë"));
        QVERIFY(edits.insertedValue(0, 2)->isNull());
        QCOMPARE(edits.changeCount(), 3);
        QCOMPARE(describe(edits.statements()),
                 (QStringList{R"(INSERT INTO "public"."users" ("name", "note") VALUES ($1, $2) | 'Zoë', NULL)",
                              R"(INSERT INTO "public"."users" DEFAULT VALUES | )",
                              R"(INSERT INTO "public"."users" ("name", "payload") VALUES ($1, $2) | '', '{"k": [1, 2]}')"}));
        const QList<EditStatement> statements = edits.statements();
        QCOMPARE(statements[1].kind, EditStatement::Kind::Insert);
        QCOMPARE(statements[1].insertIndex, 1);
        QVERIFY(statements[1].key.isEmpty());

        edits.resetInsertedValue(0, 2);  // back to DEFAULT
        edits.removeInsertedRow(1);
        QCOMPARE(edits.insertedCount(), 2);
        QCOMPARE(describe(edits.statements()),
                 (QStringList{R"(INSERT INTO "public"."users" ("name") VALUES ($1) | 'Zoë')",
                              R"(INSERT INTO "public"."users" ("name", "payload") VALUES ($1, $2) | '', '{"k": [1, 2]}')"}));
        QCOMPARE(edits.statements()[1].insertIndex, 1);
        QCOMPARE(edits.insertedValue(5, 1), std::nullopt);  // out of range: no crash
        edits.setInsertedValue(5, 1, "x");
        edits.removeInsertedRow(-1);
        QCOMPARE(edits.insertedCount(), 2);
    }

    void orderIsDeletesUpdatesInserts()
    {
        StagedEdits edits = users();
        edits.insertRow();
        edits.setValue({"8"}, 1, "B", row8, xmin8);
        edits.deleteRow({"7"}, row7, xmin7);
        edits.setValue({"9"}, 1, "C", {"9", "c", "", "", "", ""}, QStringLiteral("1"));
        QList<EditStatement::Kind> kinds;
        QList<QStringList> keys;
        for (const EditStatement &statement : edits.statements()) {
            kinds.append(statement.kind);
            keys.append(statement.key);
        }
        QCOMPARE(kinds, (QList<EditStatement::Kind>{EditStatement::Kind::Delete, EditStatement::Kind::Update,
                                                    EditStatement::Kind::Update, EditStatement::Kind::Insert}));
        QCOMPARE(keys, (QList<QStringList>{{"7"}, {"8"}, {"9"}, {}}));
        QCOMPARE(edits.changedRows(), (QList<QStringList>{{"8"}, {"9"}}));
        QCOMPARE(edits.changeCount(), 4);
        edits.clear();
        QVERIFY(edits.isEmpty());
        QCOMPARE(edits.insertedCount(), 0);
    }

    void reviewText()
    {
        StagedEdits edits = users();
        edits.deleteRow({"8"}, row8, xmin8);
        edits.setValue({"7"}, 1, "O'Hara", row7, xmin7);
        edits.setValue({"7"}, 5, QString(), row7, xmin7);
        edits.insertRow();
        edits.setInsertedValue(0, 2, "two\nlines\\ and 'quotes'\t");
        edits.insertRow();
        QCOMPARE(edits.reviewText(),
                 QStringLiteral(R"(DELETE FROM "public"."users" WHERE "id" = $1 AND xmin = $2::text::xid;
-- $1 = '8', $2 = '4294967295'

UPDATE "public"."users" SET "name" = $1, "mood" = $2 WHERE "id" = $3 AND xmin = $4::text::xid;
-- $1 = 'O''Hara', $2 = NULL, $3 = '7', $4 = '1234'

INSERT INTO "public"."users" ("note") VALUES ($1);
-- $1 = E'two\nlines\\ and \'quotes\'\t'

INSERT INTO "public"."users" DEFAULT VALUES;
)"));
    }
};

STRATA_TEST(StagedEditsTest)

#include "StagedEditsTest.moc"
