#pragma once

#include "BrowseQuery.h"
#include "RelationInfo.h"
#include "RowFilter.h"
#include "pg/Connection.h"

#include <QObject>

#include <memory>

namespace strata {

class EditTransaction;
class RowWindow;
class TableModel;
class TablePageSource;

// One browsed relation: its own session for pages (so a slow page never waits behind another
// tab), a second one opened on demand for exact counts and for applying edits, the relation's
// description, the sort and filter, and the window and model the grid shows.
class TableBrowser : public QObject
{
    Q_OBJECT
public:
    TableBrowser(const ConnectionSpec &spec, const QString &password, const QString &schema,
                 const QString &name, QObject *parent = nullptr);
    ~TableBrowser() override;

    // What the app already knows of the relation (RelationInfo::fromSchema): the first page then
    // goes out at once, and the catalogs are read behind it to confirm (and for privileges).
    void setKnownRelation(const RelationInfo &relation) { m_known = relation; }
    void open();   // -> opened() or failed()
    void retry();  // after failed(): reconnects if needed and reads everything again
    bool isOpen() const { return m_opened; }

    const QString &schema() const { return m_schema; }
    const QString &name() const { return m_name; }
    const RelationInfo &relation() const { return m_relation; }
    RowWindow *window() const { return m_window; }
    TableModel *model() const { return m_model; }
    const QString &timeZone() const { return m_timeZone; }  // the session's, for times shown

    const QList<SortColumn> &sort() const { return m_sort; }
    void setSort(const QList<SortColumn> &sort);
    const QList<RowFilter> &filters() const { return m_filters; }
    const QString &rawWhere() const { return m_rawWhere; }
    // Compiles and applies; returns why it cannot (and changes nothing) or an empty string.
    QString setFilter(const QList<RowFilter> &filters, const QString &rawWhere = {});
    const CompiledFilter &compiledFilter() const { return m_compiled; }
    void refresh();  // the same query again: rows others changed show

    double estimate() const { return m_estimate; }  // -1 unknown
    void countRows();  // -> counted() or countFailed(); cancellable
    void cancelCount();
    bool isCounting() const { return m_countRequest != 0; }

    // A production connection starts locked: nothing can be edited until unlocked.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }
    QString readOnlyReason() const;  // empty: editable
    void applyEdits();               // the model's staged edits, in one transaction
    bool isApplying() const;

signals:
    void opened();
    void described();  // the relation's description was read from the catalogs (again)
    void failed(const strata::PgError &error);
    void estimateChanged(double rows);
    void counted(qint64 rows);
    void countFailed(const strata::PgError &error);
    void countingChanged(bool counting);
    void applied(int statements);
    void applyConflicted(const QString &message);
    void applyFailed(const strata::PgError &error);
    void editableChanged(bool editable);

private:
    void connectionOpened();
    void finished(RequestId id, const QueryResult &result);
    void requestFailed(RequestId id, const PgError &error);
    void sideFinished(RequestId id, const QueryResult &result);
    void sideFailed(RequestId id, const PgError &error);
    void readRelation();
    void relationRead(const QueryResult &result);
    void useRelation(const RelationInfo &relation);
    void applyQuery();
    void estimateFiltered();
    void setEstimate(double rows);
    void updateEditable();
    Connection *side();
    void fail(const PgError &error);

    ConnectionSpec m_spec;
    QString m_password;
    QString m_schema;
    QString m_name;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<Connection> m_side;
    TablePageSource *m_source;
    RowWindow *m_window;
    TableModel *m_model;
    EditTransaction *m_edits = nullptr;
    RelationInfo m_relation;
    RelationInfo m_known;
    QList<SortColumn> m_sort;
    QList<RowFilter> m_filters;
    QString m_rawWhere;
    CompiledFilter m_compiled;
    QString m_timeZone;
    double m_estimate = -1;
    bool m_opened = false;
    bool m_locked = false;
    RequestId m_timeZoneRequest = 0;
    RequestId m_relationRequest = 0;
    RequestId m_estimateRequest = 0;
    RequestId m_countRequest = 0;
};

} // namespace strata
