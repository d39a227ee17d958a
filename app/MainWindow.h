#pragma once

#include "pg/Connection.h"
#include "schema/Schema.h"

#include <QMainWindow>
#include <QSettings>

#include <memory>

class QLabel;
class QPushButton;
class QTabWidget;
class QProgressDialog;

namespace strata {

class CatalogModel;
class DemoLauncher;
class PasswordStore;
class SavedConnections;
class Introspector;
class SidebarWidget;
class TableDetailsWidget;
class TableTab;

// Strata's window: sidebar with the catalog, tabs in the middle, connection state below.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects to `spec`; `title` names it in the window title ("" = the spec's own name).
    // A production connection is read-only until the user unlocks it (later issues).
    void openConnection(const ConnectionSpec &spec, const QString &title = {},
                        bool production = false, const QString &savedId = {});
    void openProjectFolder(const QString &folder);
    // A URL, keyword/value string or project folder from the command line; errors go to
    // the window's banner, not to a terminal the user may not have.
    void openTarget(const QString &target);
    void startDemo(bool fresh);
    // Opens `schema`.`name` in a table tab (or shows the tab that has it); nullptr when not connected.
    TableTab *openTable(const QString &schema, const QString &name);
    // Reopens the connection used last time (without a password: libpq's .pgpass, the
    // keyring or a prompt supply it).
    bool restoreLastConnection();

    Connection *connection() const { return m_connection.get(); }
    CatalogModel *catalog() const { return m_catalog; }
    SidebarWidget *sidebar() const { return m_sidebar; }
    TableDetailsWidget *details() const { return m_details; }
    QTabWidget *tabs() const { return m_tabs; }
    QString stateText() const;  // what the status bar says about the connection
    bool isProduction() const { return m_production; }

signals:
    void connectionOpened();
    void catalogLoaded();
    void schemaLoaded();  // the details pane has the schema model

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void showConnectDialog();
    void chooseProjectFolder();
    void reconnect();
    void disconnectFromServer();
    void connectionOpenedSlot(const ServerInfo &info);
    void connectionFailed(const PgError &error);
    void connectionLost(const PgError &error);
    void showBanner(const QString &text, bool offerReconnect);
    void updateStatus();
    void askPasswordAndRetry(const PgError &error);

    QSettings m_settings;
    std::unique_ptr<Connection> m_connection;
    Schema m_schema;  // as last read, for tabs that open before asking the catalogs again
    QString m_title;
    QString m_savedId;
    bool m_production = false;
    // Where the connection came from, so that the next start can go back there.
    enum class ConnectionKind { Spec, Project, Demo };
    ConnectionKind m_kind = ConnectionKind::Spec;
    QString m_projectFolder;
    bool m_pendingRestore = false;  // a keyring answer is awaited for the last connection
    QList<QMetaObject::Connection> m_restoreConnections;
    std::unique_ptr<SavedConnections> m_saved;
    PasswordStore *m_passwords;
    CatalogModel *m_catalog;
    SidebarWidget *m_sidebar;
    TableDetailsWidget *m_details;
    Introspector *m_introspector;
    QTabWidget *m_tabs;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_bannerReconnect;
    QLabel *m_stateLabel;
    QLabel *m_serverLabel;
    QLabel *m_userLabel;
    QLabel *m_productionLabel;
    std::unique_ptr<DemoLauncher> m_demo;
    QProgressDialog *m_demoProgress = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace strata
