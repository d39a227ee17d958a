#include "MigrationBatch.h"

#include "Tr.h"
#include "lint/HazardLint.h"
#include "lint/ParseTree.h"
#include "migrations/DownMigration.h"
#include "migrations/MigrationFolder.h"
#include "migrations/Plan.h"
#include "schema/SqlQuote.h"

#include <QRegularExpression>

namespace strata {

namespace {

// The statements of a script in file order: each statement libpg_query found, or a piece it
// could not read sent whole (the server then says what is wrong with it). *refusal names a
// transaction statement the runner cannot follow.
QList<BatchStatement> statementsOf(const SqlScript &script, int serverVersion, QString *refusal)
{
    QList<BatchStatement> out;
    for (int p = 0; p < script.pieces.size(); ++p) {
        const StatementPiece &piece = script.pieces.at(p);
        if (!piece.error.isNull()) {
            BatchStatement whole;
            whole.piece = p;
            whole.sql = piece.text;
            whole.start = piece.start;
            out.append(whole);
            continue;
        }
        for (int s = 0; s < piece.statements.size(); ++s) {
            const SqlStatement &statement = piece.statements.at(s);
            const ParsedStatement parsed = ParsedStatement::parse(statement.text);
            BatchStatement item;
            item.piece = p;
            item.statement = s;
            item.sql = statement.text;
            item.start = statement.start;
            item.standalone = HazardLint::cannotRunInTransaction(parsed, serverVersion);
            item.addsEnumValue = HazardLint::addedEnumValue(parsed);
            item.definesEnum = parsed.nodeType() == QLatin1String("CreateEnumStmt")
                || parsed.nodeType() == QLatin1String("AlterEnumStmt");
            switch (HazardLint::transactionControl(parsed)) {
            case HazardLint::TransactionControl::None:
                break;
            case HazardLint::TransactionControl::Begin:
                item.control = BatchStatement::Control::Begin;
                break;
            case HazardLint::TransactionControl::Commit:
                item.control = BatchStatement::Control::Commit;
                break;
            case HazardLint::TransactionControl::Rollback:
            case HazardLint::TransactionControl::Other:
                if (refusal->isEmpty()) {
                    *refusal = Tr::tr("line %1: %2 changes the run's transaction in a way Strata cannot follow (only "
                                      "BEGIN and COMMIT are understood)")
                                   .arg(statement.start.line)
                                   .arg(statement.text.section(QLatin1Char('\n'), 0, 0));
                }
                break;
            }
            out.append(item);
        }
    }
    return out;
}

// A query as a person reads it: each $n replaced by its value as a literal. One pass, outside
// quotes: replacing $3, then $2, then $1 in turn would also rewrite a "$1" that an earlier
// value (a tag) or a quoted schema name holds.
QString shown(const Query &query)
{
    const QString &sql = query.sql;
    QString text;
    QChar quote;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('$')) {
            qsizetype end = i + 1;
            while (end < sql.size() && sql.at(end).isDigit())
                ++end;
            const int number = sql.mid(i + 1, end - i - 1).toInt();
            if (number >= 1 && number <= query.params.size()) {
                const QString &value = query.params.at(number - 1);
                text += value.isNull() ? QStringLiteral("NULL") : SqlQuote::literal(value);
                i = end - 1;
                continue;
            }
        }
        text += c;
    }
    return text;
}

} // namespace

MigrationBatch MigrationBatch::up(const MigrationFolder &folder, const QList<int> &migrations, const Ledger &ledger,
                                  const Ledger::Shape &shape, TransactionMode mode, int serverVersion)
{
    MigrationBatch batch;
    for (int index : migrations) {
        const Migration &source = folder.migrations().at(index);
        BatchMigration migration;
        migration.migration = index;
        migration.tag = source.tag;
        migration.file = source.sqlFile;
        migration.script = source.script;
        migration.ledger = {ledger.insertQuery(source, shape)};
        migration.commitAfter = mode == TransactionMode::Each;
        batch.take(migration, serverVersion);
    }

    // A value ADD VALUE adds is unusable until its transaction commits: where a later
    // migration of the run names it, commit between them.
    for (qsizetype m = 0; m < batch.m_migrations.size(); ++m) {
        BatchMigration &migration = batch.m_migrations[m];
        if (migration.commitAfter)
            continue;
        for (const BatchStatement &statement : std::as_const(migration.statements)) {
            if (statement.addsEnumValue.isEmpty())
                continue;
            const QString literal = SqlQuote::literal(statement.addsEnumValue);
            for (qsizetype later = m + 1; later < batch.m_migrations.size() && !migration.commitAfter; ++later) {
                for (const BatchStatement &use : std::as_const(batch.m_migrations.at(later).statements)) {
                    if (!use.definesEnum && use.sql.contains(literal)) {
                        migration.commitAfter = true;
                        migration.commitReason = Tr::tr("it adds the enum value %1, which %2 uses: PostgreSQL refuses a "
                                                        "new value before the transaction that added it commits")
                                                     .arg(literal, batch.m_migrations.at(later).tag);
                        break;
                    }
                }
            }
        }
    }
    if (!batch.m_migrations.isEmpty())
        batch.m_migrations.last().commitAfter = true;
    return batch;
}

std::optional<MigrationBatch> MigrationBatch::down(const MigrationFolder &folder, const Plan &plan,
                                                   const QList<int> &migrations, const Ledger &ledger, QString *error)
{
    MigrationBatch batch;
    batch.m_direction = Direction::Down;
    const QList<Migration> &all = folder.migrations();
    // Migrations without a down file are undone together where they follow each other: one
    // diff from the newest snapshot back to the oldest's predecessor (DownMigration::span). It
    // runs in the newest one's place; the others then only lose their ledger rows.
    qsizetype next = 0;
    while (next < migrations.size()) {
        const int newest = migrations.at(next);
        qsizetype end = next + 1;
        if (!all.at(newest).hasDown) {
            while (end < migrations.size() && migrations.at(end) == migrations.at(end - 1) - 1
                   && !all.at(migrations.at(end)).hasDown)
                ++end;
        }
        const int oldest = migrations.at(end - 1);
        QString why;
        const std::optional<DownSql> down = oldest == newest ? DownMigration::of(folder, newest, &why)
                                                             : DownMigration::span(folder, oldest, newest, &why);
        if (!down) {
            if (error)
                *error = Tr::tr("cannot roll back %1: %2").arg(all.at(newest).tag, why);
            return std::nullopt;
        }
        for (qsizetype i = next; i < end; ++i) {
            const int index = migrations.at(i);
            BatchMigration migration;
            migration.migration = index;
            migration.tag = all.at(index).tag;
            if (i == next) {
                migration.file = down->file;
                migration.script = StatementSplitter::split(down->text);
            } else {
                migration.file = all.at(index).snapshotFile;
                migration.script = StatementSplitter::split(QString());
                migration.commitReason.clear();
            }
            if (const PlanEntry *entry = plan.entryOf(index)) {
                for (const LedgerRow &row : entry->rows)
                    migration.ledger.append(ledger.deleteQuery(row.id));
            }
            batch.take(migration, 0);
        }
        next = end;
    }
    if (!batch.m_migrations.isEmpty())
        batch.m_migrations.last().commitAfter = true;
    return batch;
}

void MigrationBatch::take(BatchMigration migration, int serverVersion)
{
    QString refusal;
    migration.statements = statementsOf(migration.script, serverVersion, &refusal);
    if (!refusal.isEmpty() && m_refusal.isEmpty())
        m_refusal = migration.file + QStringLiteral(": ") + refusal;
    const bool standalone = std::any_of(migration.statements.cbegin(), migration.statements.cend(),
                                        [](const BatchStatement &s) { return s.standalone; });
    const bool control = std::any_of(migration.statements.cbegin(), migration.statements.cend(),
                                     [](const BatchStatement &s) { return s.control != BatchStatement::Control::None; });
    if (standalone || control) {
        migration.commitAfter = true;
        migration.commitReason = control
            ? Tr::tr("its SQL has its own BEGIN/COMMIT: the run's transaction commits where the file says COMMIT, and "
                     "again when the migration ends")
            : Tr::tr("it has a statement that cannot run in a transaction block: what comes before that statement "
                     "commits first, and the migration commits when it ends");
    }
    m_migrations.append(migration);
}

int MigrationBatch::statementCount() const
{
    int count = 0;
    for (const BatchMigration &migration : m_migrations)
        count += int(migration.statements.size());
    return count;
}

QStringList MigrationBatch::tags() const
{
    QStringList out;
    for (const BatchMigration &migration : m_migrations)
        out.append(migration.tag);
    return out;
}

QString MigrationBatch::sqlText() const
{
    QString text;
    bool inTransaction = false;
    const auto begin = [&] {
        if (!inTransaction)
            text += QStringLiteral("BEGIN;\n");
        inTransaction = true;
    };
    const auto commit = [&] {
        if (inTransaction)
            text += QStringLiteral("COMMIT;\n");
        inTransaction = false;
    };
    for (const BatchMigration &migration : m_migrations) {
        text += (m_direction == Direction::Up ? Tr::tr("-- %1 (%2)") : Tr::tr("-- undo %1 (%2)"))
                    .arg(migration.tag, migration.file)
                + QLatin1Char('\n');
        for (const BatchStatement &statement : migration.statements) {
            if (statement.control == BatchStatement::Control::Begin) {
                begin();
                continue;
            }
            if (statement.control == BatchStatement::Control::Commit) {
                commit();
                continue;
            }
            if (statement.standalone) {
                commit();
                text += Tr::tr("-- outside a transaction:") + QLatin1Char('\n');
            } else {
                begin();
            }
            const QString sql = statement.sql.trimmed();
            text += sql + (sql.endsWith(QLatin1Char(';')) ? QStringLiteral("\n") : QStringLiteral(";\n"));
        }
        begin();
        for (const Query &query : migration.ledger)
            text += shown(query) + QStringLiteral(";\n");
        if (migration.commitAfter)
            commit();
    }
    return text;
}

} // namespace strata
