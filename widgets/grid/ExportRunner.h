#pragma once

#include "data/TableExport.h"

#include <QObject>
#include <QPointer>

class QHeaderView;
class QProgressDialog;
class QWidget;

namespace strata {

class TableBrowser;

// Runs one export for a tab: asks where to write when no path is given, shows a progress
// dialog with Cancel, and says how it ended.
class ExportRunner : public QObject
{
    Q_OBJECT
public:
    explicit ExportRunner(QWidget *parent);

    // The browser's relation with the columns `header` shows, in its order, and the browse
    // order; with the filter when `filtered`. Connection, format and path are the caller's.
    static ExportRequest request(const TableBrowser &browser, const QHeaderView &header, bool filtered);
    // False when the user cancelled the file dialog or an export is running.
    bool start(ExportRequest request);
    TableExport *exporter() const { return m_export; }

signals:
    void ended(const QString &message, bool ok);

private:
    void progressed(qint64 rows, qint64 bytes);

    QWidget *m_parent;
    TableExport *m_export;
    QPointer<QProgressDialog> m_progress;
    ExportRequest m_request;
};

} // namespace strata
