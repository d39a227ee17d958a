#pragma once

#include "StagedEdits.h"
#include "pg/Connection.h"

#include <QPointer>

namespace strata {

// Applies staged edits in one transaction, one statement after another, and rolls it all back
// at the first error or at the first row that someone else changed (or deleted) since it was
// loaded: nothing is overwritten silently and nothing is half applied.
class EditTransaction : public QObject
{
    Q_OBJECT
public:
    explicit EditTransaction(Connection *connection, QObject *parent = nullptr);

    void run(const QList<EditStatement> &statements);
    bool isRunning() const { return m_step >= 0; }

signals:
    void committed(int statements);
    // Rolled back: statement `index` found its row changed since it was loaded.
    void conflicted(int index, const strata::EditStatement &statement);
    // Rolled back: statement `index` failed (-1: BEGIN or COMMIT).
    void failed(int index, const strata::PgError &error);

private:
    void next();
    void finished(RequestId id, const QueryResult &result);
    void requestFailed(RequestId id, const PgError &error);
    void rollBack();

    enum class After { Nothing, Commit, Conflict, Failure };
    QPointer<Connection> m_connection;
    QList<EditStatement> m_statements;
    int m_step = -1;  // -1 idle; 0 BEGIN; 1..n statements; n+1 COMMIT
    RequestId m_request = 0;
    After m_after = After::Nothing;  // what the ROLLBACK in flight is for
    int m_failedIndex = -1;
    PgError m_error;
};

} // namespace strata
