#pragma once

#include "migrations/Ledger.h"
#include "text/StatementSplitter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

class MigrationFolder;
class Plan;

// How a run groups migrations into transactions.
enum class TransactionMode {
    All,   // every migration of the run in one transaction, as drizzle-orm's migrator does
    Each,  // one transaction per migration
};

// One statement a run sends, with where it came from.
struct BatchStatement {
    // A file's own BEGIN or COMMIT is not sent: the runner opens or commits its transaction there.
    enum class Control { None, Begin, Commit };

    int piece = 0;       // in the migration's script
    int statement = -1;  // in the piece; -1 when the piece is sent whole (libpg_query could not read it)
    QString sql;
    TextPosition start;  // in the file
    bool standalone = false;  // cannot run in a transaction block: sent on its own, in autocommit
    Control control = Control::None;
    QString addsEnumValue;    // the label an ALTER TYPE … ADD VALUE adds
    bool definesEnum = false; // CREATE TYPE … AS ENUM or ALTER TYPE on an enum: its labels are not uses
};

// One migration of a run: its statements and the bookkeeping that goes with it.
struct BatchMigration {
    int migration = -1;  // index into the folder's migrations()
    QString tag;
    QString file;        // relative to the folder: the SQL (up) or the down file / snapshot (down)
    SqlScript script;    // the text the statements come from, for error positions
    QList<BatchStatement> statements;
    QList<Query> ledger; // the ledger rows written (up) or deleted (down) after the statements
    // The run's transaction commits after this migration (always in mode Each).
    bool commitAfter = false;
    QString commitReason;  // why, when that is not the mode: shown before the run
};

// What one run sends, in order, and where its transactions begin and end. Built before
// anything runs, so that what is shown is what runs.
class MigrationBatch
{
public:
    enum class Direction { Up, Down };

    // Applies `migrations` (indexes, folder order). A statement that cannot run in a
    // transaction block commits what came before it, runs alone, and its migration commits
    // when it ends; in mode All a migration that adds an enum value commits too when a later
    // migration of the run names the value (PostgreSQL refuses it in the same transaction).
    static MigrationBatch up(const MigrationFolder &folder, const QList<int> &migrations, const Ledger &ledger,
                             const Ledger::Shape &shape, TransactionMode mode, int serverVersion = 0);
    // Undoes `migrations` (indexes, newest first) with their down SQL, deleting their ledger
    // rows, all in one transaction. Nothing, and *error, when one of them has no down SQL.
    static std::optional<MigrationBatch> down(const MigrationFolder &folder, const Plan &plan,
                                              const QList<int> &migrations, const Ledger &ledger, QString *error);

    Direction direction() const { return m_direction; }
    const QList<BatchMigration> &migrations() const { return m_migrations; }
    bool isEmpty() const { return m_migrations.isEmpty(); }
    int statementCount() const;
    QStringList tags() const;
    // Why the batch must not run, when a file does what a runner cannot keep track of (its own
    // ROLLBACK or SAVEPOINT); empty when it may.
    QString refusal() const { return m_refusal; }
    // Everything the run sends, as SQL a person reads: BEGIN/COMMIT where they happen, each
    // migration's statements under a comment naming its file, the bookkeeping with its values.
    QString sqlText() const;

private:
    void take(BatchMigration migration, int serverVersion);

    Direction m_direction = Direction::Up;
    QString m_refusal;
    QList<BatchMigration> m_migrations;
};

} // namespace strata
