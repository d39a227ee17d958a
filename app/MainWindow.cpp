#include "MainWindow.h"

#include "DemoLauncher.h"
#include "data/CatalogModel.h"
#include "data/TableBrowser.h"
#include "data/TableModel.h"
#include "dialogs/ConnectionDialog.h"
#include "grid/TableTab.h"
#include "pg/DrizzleProject.h"
#include "pg/PasswordStore.h"
#include "pg/SavedConnections.h"
#include "schema/Introspector.h"
#include "sidebar/SidebarWidget.h"
#include "sidebar/TableDetailsWidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace strata {

namespace {

QWidget *welcomePage(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setText(MainWindow::tr(
        "<h2>Strata</h2>"
        "<p>The sidebar lists the database's schemas with their tables, views, enums and "
        "sequences, and each table's estimated row count. Ctrl+F filters it.</p>"
        "<p>File &rsaquo; Connect… opens another database; File &rsaquo; Open project folder… "
        "reads a drizzle project's <tt>.env</tt> and <tt>drizzle.config.ts</tt>.</p>"));
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(new CatalogModel(this))
    , m_sidebar(new SidebarWidget(m_catalog, this))
    , m_details(new TableDetailsWidget(this))
    , m_introspector(new Introspector(this))
    , m_tabs(new QTabWidget(this))
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
    , m_bannerReconnect(new QPushButton(tr("Reconnect"), m_banner))
    , m_stateLabel(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_productionLabel(new QLabel(this))
{
    m_saved = std::make_unique<SavedConnections>(m_settings);
    m_passwords = new PasswordStore(this);
    setWindowTitle(tr("Strata"));
    setObjectName(QStringLiteral("MainWindow"));

    auto *dock = new QDockWidget(tr("Database"), this);
    dock->setObjectName(QStringLiteral("SidebarDock"));
    dock->setWidget(m_sidebar);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("DetailsDock"));
    detailsDock->setWidget(m_details);
    detailsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, detailsDock);
    resizeDocks({dock}, {340}, Qt::Horizontal);
    connect(m_sidebar, &SidebarWidget::objectSelected, this, [this](const QString &schema, const QString &name) {
        if (name.isEmpty())
            m_details->clear();
        else
            m_details->showObject(schema, name);
    });
    connect(m_introspector, &Introspector::finished, this, [this](const Schema &schema) {
        m_schema = schema;
        m_details->setSchema(schema);
        emit schemaLoaded();
    });
    connect(m_introspector, &Introspector::failed, this, [this](const PgError &error) {
        if (error.kind != PgError::Kind::Cancelled)
            m_sidebar->setMessage(tr("Could not read the schema details: %1").arg(error.toString()));
    });

    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);
    m_tabs->addTab(welcomePage(m_tabs), tr("Welcome"));
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = m_tabs->widget(index);
        if (auto *tab = qobject_cast<TableTab *>(page); tab && !tab->browser()->model()->edits().isEmpty()) {
            m_tabs->setCurrentIndex(index);
            const auto answer = QMessageBox::question(this, tr("Unapplied changes"),
                                                      tr("%1 has changes that were not applied. Close it and discard them?")
                                                          .arg(tab->title()),
                                                      QMessageBox::Discard | QMessageBox::Cancel);
            if (answer != QMessageBox::Discard)
                return;
        }
        m_tabs->removeTab(index);
        page->deleteLater();
    });
    connect(m_sidebar, &SidebarWidget::openRequested, this,
            [this](const QString &schema, const QString &name) { openTable(schema, name); });

    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerReconnect);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setVisible(false);
    connect(m_bannerReconnect, &QPushButton::clicked, this, &MainWindow::reconnect);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    statusBar()->addWidget(m_stateLabel);
    m_productionLabel->setText(tr("Production: read-only"));
    m_productionLabel->setToolTip(tr("This connection is marked production: Strata will not "
                                     "write to it until you unlock it."));
    m_productionLabel->setVisible(false);
    statusBar()->addPermanentWidget(m_productionLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_serverLabel);

    createActions();
    connect(m_sidebar, &SidebarWidget::refreshRequested, m_catalog, &CatalogModel::reload);
    connect(m_catalog, &CatalogModel::loaded, this, [this] {
        m_sidebar->setMessage({});
        emit catalogLoaded();
        // The details need the whole model: a few more catalog queries on the same worker.
        if (m_connection && m_connection->isOpen() && !m_introspector->isRunning()) {
            IntrospectOptions options;
            options.includeDrizzleSchema = true;  // the sidebar lists it, so details should too
            m_introspector->introspect(m_connection.get(), options);
        }
    });
    connect(m_catalog, &CatalogModel::loadFailed, this, [this](const PgError &error) {
        m_sidebar->setMessage(tr("Could not read the catalog: %1").arg(error.toString()));
    });

    resize(1200, 760);
    restoreGeometry(m_settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(m_settings.value(QStringLiteral("window/state")).toByteArray());
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Sessions close before the demo server stops (members would go the other way round).
    m_catalog->load(nullptr);
    m_connection.reset();
    m_demo.reset();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect…"), this, &MainWindow::showConnectDialog);
    connectAction->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &project folder…"), this, &MainWindow::chooseProjectFolder)
        ->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_reconnectAction = file->addAction(tr("&Reconnect"), this, &MainWindow::reconnect);
    // Not Ctrl+R: some platforms bind it to Refresh.
    m_reconnectAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_disconnectAction = file->addAction(tr("&Disconnect"), this, &MainWindow::disconnectFromServer);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_refreshAction = view->addAction(tr("&Refresh"), m_catalog, &CatalogModel::reload);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    view->addAction(tr("&Filter sidebar"), this, [this] {
        m_sidebar->filterEdit()->setFocus();
        m_sidebar->filterEdit()->selectAll();
    })->setShortcut(QKeySequence::Find);
    view->addSeparator();
    QAction *closeTab = view->addAction(tr("&Close tab"), this, [this] {
        if (m_tabs->count() > 0)
            emit m_tabs->tabCloseRequested(m_tabs->currentIndex());
    });
    closeTab->setShortcut(QKeySequence::Close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Strata"), this, [this] {
        QMessageBox::about(this, tr("About Strata"),
                           tr("<h3>Strata %1</h3><p>A native PostgreSQL studio for drizzle projects.</p>")
                               .arg(QStringLiteral(STRATA_VERSION)));
    })->setMenuRole(QAction::AboutRole);
}

void MainWindow::openConnection(const ConnectionSpec &spec, const QString &title,
                                bool production, const QString &savedId)
{
    // The old session's tree, tables and status go at once, so nothing of database A shows under B.
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        if (QWidget *page = m_tabs->widget(i); qobject_cast<TableTab *>(page)) {
            m_tabs->removeTab(i);
            page->deleteLater();
        }
    }
    m_catalog->load(nullptr);
    m_schema = {};
    m_details->setSchema({});
    m_details->clear();
    m_pendingRestore = false;
    m_connection = std::make_unique<Connection>(spec);
    m_title = title.isEmpty() ? spec.displayName() : title;
    m_production = production;
    m_savedId = savedId;
    m_kind = ConnectionKind::Spec;
    m_projectFolder.clear();
    connect(m_connection.get(), &Connection::opened, this, &MainWindow::connectionOpenedSlot);
    connect(m_connection.get(), &Connection::openFailed, this, &MainWindow::connectionFailed);
    connect(m_connection.get(), &Connection::lost, this, &MainWindow::connectionLost);
    connect(m_connection.get(), &Connection::stateChanged, this, &MainWindow::updateStatus);
    m_banner->setVisible(false);
    m_connection->open();
    updateStatus();
}

TableTab *MainWindow::openTable(const QString &schema, const QString &name)
{
    if (!m_connection || !m_connection->isOpen())
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<TableTab *>(m_tabs->widget(i));
        if (tab && tab->location().schema == schema && tab->location().name == name) {
            m_tabs->setCurrentIndex(i);
            return tab;
        }
    }
    const ServerInfo &server = m_connection->serverInfo();
    const QString settingsKey = QStringLiteral("%1:%2/%3").arg(server.host, server.port, server.database);
    const double estimate = m_catalog->find(schema, name).data(CatalogModel::RowEstimateRole).toDouble();
    auto *tab = new TableTab(m_connection->spec(), m_connection->password(), schema, name, m_production, settingsKey,
                             RelationInfo::fromSchema(m_schema, schema, name, estimate), m_tabs);
    const int index = m_tabs->addTab(tab, tab->title());
    connect(tab, &TableTab::titleChanged, this, [this, tab](const QString &title) {
        const int at = m_tabs->indexOf(tab);
        if (at >= 0)
            m_tabs->setTabText(at, title);
    });
    m_tabs->setCurrentIndex(index);
    return tab;
}

void MainWindow::connectionOpenedSlot(const ServerInfo &)
{
    m_banner->setVisible(false);
    setWindowTitle(tr("%1 — Strata").arg(m_title));
    // The same catalog model is reloaded in place, so a reconnect keeps the sidebar as it was.
    m_catalog->load(m_connection.get());
    // Never the password: toUrl() leaves it out.
    m_settings.setValue(QStringLiteral("connection/last"), m_connection->spec().toUrl());
    m_settings.setValue(QStringLiteral("connection/lastTitle"), m_title);
    m_settings.setValue(QStringLiteral("connection/lastSavedId"), m_savedId);
    m_settings.setValue(QStringLiteral("connection/lastProduction"), m_production);
    m_settings.setValue(QStringLiteral("connection/lastKind"),
                        m_kind == ConnectionKind::Demo ? QStringLiteral("demo")
                        : m_kind == ConnectionKind::Project ? QStringLiteral("project")
                                                            : QStringLiteral("spec"));
    m_settings.setValue(QStringLiteral("connection/lastProject"), m_projectFolder);
    updateStatus();
    emit connectionOpened();
}

void MainWindow::connectionFailed(const PgError &error)
{
    if (error.needsPassword || error.passwordRejected) {
        askPasswordAndRetry(error);
        return;
    }
    showBanner(tr("Could not connect to %1: %2").arg(m_title, error.toString()), true);
    updateStatus();
}

void MainWindow::askPasswordAndRetry(const PgError &error)
{
    bool ok = false;
    const QString prompt = error.passwordRejected
        ? tr("The password for %1 was not accepted (%2). Type it again:").arg(m_title, error.message)
        : tr("%1 asks for a password (%2).").arg(m_title, error.message);
    const QString password = QInputDialog::getText(this, tr("Password"), prompt, QLineEdit::Password, {}, &ok);
    if (!ok) {
        m_connection->setPassword({});  // a refused password is not tried again by Reconnect
        showBanner(tr("Not connected to %1: no password given.").arg(m_title), true);
        updateStatus();
        return;
    }
    m_connection->setPassword(password);
    m_connection->open();
}

void MainWindow::connectionLost(const PgError &error)
{
    showBanner(error.detail.isEmpty()
                   ? tr("The connection to %1 was lost.").arg(m_title)
                   : tr("The connection to %1 was lost: %2").arg(m_title, error.detail),
               true);
    updateStatus();
}

void MainWindow::reconnect()
{
    if (m_connection) {
        m_banner->setVisible(false);
        m_connection->reconnect();
    } else {
        showConnectDialog();
    }
}

void MainWindow::disconnectFromServer()
{
    m_catalog->load(nullptr);
    m_connection.reset();
    setWindowTitle(tr("Strata"));
    updateStatus();
}

void MainWindow::showBanner(const QString &text, bool offerReconnect)
{
    m_bannerText->setText(text);
    m_bannerReconnect->setVisible(offerReconnect);
    m_banner->setVisible(true);
}

QString MainWindow::stateText() const
{
    if (!m_connection)
        return tr("Not connected");
    switch (m_connection->state()) {
    case Connection::State::Closed: return tr("Not connected");
    case Connection::State::Connecting: return tr("Connecting to %1…").arg(m_title);
    case Connection::State::Open: return tr("Connected");
    case Connection::State::Lost: return tr("Connection lost");
    }
    return {};
}

void MainWindow::updateStatus()
{
    m_stateLabel->setText(stateText());
    const bool open = m_connection && m_connection->isOpen();
    if (open) {
        const ServerInfo &info = m_connection->serverInfo();
        m_serverLabel->setText(tr("PostgreSQL %1").arg(info.version));
        m_userLabel->setText(tr("%1 @ %2").arg(info.user, info.database));
    } else if (!m_connection) {
        m_serverLabel->clear();
        m_userLabel->clear();
    }
    m_productionLabel->setVisible(m_connection && m_production);
    m_reconnectAction->setEnabled(bool(m_connection));
    m_disconnectAction->setEnabled(bool(m_connection));
    m_refreshAction->setEnabled(open);
}

void MainWindow::showConnectDialog()
{
    ConnectionDialog dialog(*m_saved, *m_passwords, this);
    if (m_connection)
        dialog.setSpec(m_connection->spec());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString title;
    if (const auto entry = m_saved->find(dialog.savedId()); entry && entry->saved)
        title = entry->displayName();
    else if (!dialog.projectFolder().isEmpty())
        title = QFileInfo(dialog.projectFolder()).fileName();
    openConnection(dialog.spec(), title, dialog.isProduction(), dialog.savedId());
}

void MainWindow::chooseProjectFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open drizzle project folder"));
    if (!folder.isEmpty())
        openProjectFolder(folder);
}

void MainWindow::openProjectFolder(const QString &folder)
{
    SpecError error;
    const DrizzleProject project = DrizzleProject::read(folder, &error);
    if (!error.isNull()) {
        showBanner(error.toString(), false);
        return;
    }
    SpecError urlError;
    const ConnectionSpec spec = project.connection(DrizzleProject::Purpose::Browse, &urlError);
    if (!urlError.isNull()) {
        showBanner(tr("Cannot connect to the project %1: %2").arg(folder, urlError.toString()), false);
        return;
    }
    if (spec.isEmpty()) {
        QStringList reasons;
        for (const SpecError &warning : project.warnings())
            reasons.append(warning.toString());
        showBanner(tr("%1 names no database (no DATABASE_URL in .env, no dbCredentials.url in "
                      "drizzle.config.ts). %2")
                       .arg(folder, reasons.join(QLatin1Char(' '))),
                   false);
        return;
    }
    openConnection(spec, QFileInfo(folder).fileName());
    m_kind = ConnectionKind::Project;
    m_projectFolder = QFileInfo(folder).absoluteFilePath();
}

void MainWindow::openTarget(const QString &target)
{
    if (QFileInfo(target).isDir()) {
        openProjectFolder(target);
        return;
    }
    SpecError error;
    const ConnectionSpec spec = ConnectionSpec::parse(target, &error);
    if (!error.isNull()) {
        showBanner(tr("Cannot open %1: %2").arg(target, error.toString()), false);
        return;
    }
    openConnection(spec);
}

bool MainWindow::restoreLastConnection()
{
    // The demo's URL changes every run, and a project's .env may have changed: go back to
    // where the connection came from.
    const QString kind = m_settings.value(QStringLiteral("connection/lastKind")).toString();
    if (kind == QLatin1String("demo")) {
        startDemo(false);
        return true;
    }
    const QString project = m_settings.value(QStringLiteral("connection/lastProject")).toString();
    if (kind == QLatin1String("project") && QFileInfo(project).isDir()) {
        openProjectFolder(project);
        return true;
    }
    const ConnectionSpec spec = ConnectionSpec::parse(m_settings.value(QStringLiteral("connection/last")).toString());
    if (spec.isEmpty())
        return false;
    const QString title = m_settings.value(QStringLiteral("connection/lastTitle")).toString();
    const QString savedId = m_settings.value(QStringLiteral("connection/lastSavedId")).toString();
    const bool production = m_settings.value(QStringLiteral("connection/lastProduction")).toBool();
    const auto entry = m_saved->find(savedId);
    if (!entry || !entry->savePassword || !m_passwords->isAvailable()) {
        openConnection(spec, title, production, savedId);
        return true;
    }
    // The keyring answers asynchronously; connect once it has answered for this entry (with
    // or without a password), unless the user opened something else in the meantime.
    m_pendingRestore = true;
    auto open = [this, spec, title, production, savedId](const QString &id, const QString &password) {
        if (id != savedId || !m_pendingRestore)
            return;
        for (const QMetaObject::Connection &c : std::as_const(m_restoreConnections))
            disconnect(c);
        m_restoreConnections.clear();
        ConnectionSpec withPassword = spec;
        if (!password.isEmpty())
            withPassword.setValue(QStringLiteral("password"), password);
        openConnection(withPassword, title, production, savedId);
    };
    m_restoreConnections = {
        connect(m_passwords, &PasswordStore::passwordRead, this, open),
        connect(m_passwords, &PasswordStore::passwordMissing, this, [open](const QString &id) { open(id, {}); }),
        connect(m_passwords, &PasswordStore::failed, this, [open](const QString &id) { open(id, {}); }),
    };
    m_passwords->read(savedId);
    return true;
}

void MainWindow::startDemo(bool fresh)
{
    m_demo = std::make_unique<DemoLauncher>();
    m_demoProgress = new QProgressDialog(tr("Preparing the demo database…"), tr("Cancel"), 0, 0, this);
    m_demoProgress->setWindowTitle(tr("Strata demo"));
    m_demoProgress->setMinimumDuration(0);
    m_demoProgress->setAutoClose(false);
    m_demoProgress->setAutoReset(false);
    m_demoProgress->setMinimumWidth(420);
    m_demoProgress->setWindowModality(Qt::WindowModal);
    connect(m_demoProgress, &QProgressDialog::canceled, m_demo.get(), &DemoLauncher::cancel);
    connect(m_demo.get(), &DemoLauncher::progress, this, [this](int done, int total, const QString &label) {
        m_demoProgress->setMaximum(total);
        m_demoProgress->setValue(done);
        m_demoProgress->setLabelText(label);
    });
    connect(m_demo.get(), &DemoLauncher::ready, this, [this](const ConnectionSpec &spec) {
        m_demoProgress->deleteLater();
        m_demoProgress = nullptr;
        openConnection(spec, tr("Strata demo"));
        m_kind = ConnectionKind::Demo;  // restored by starting the demo again, not by its URL
    });
    connect(m_demo.get(), &DemoLauncher::serverStopped, this, [this](const QString &reason) {
        showBanner(tr("The demo server stopped: %1 Restart Strata with --demo to start it again.").arg(reason),
                   false);
    });
    connect(m_demo.get(), &DemoLauncher::failed, this, [this](const QString &reason) {
        if (m_demoProgress)
            m_demoProgress->deleteLater();
        m_demoProgress = nullptr;
        showBanner(tr("The demo could not start: %1").arg(reason), false);
    });
    m_demoProgress->show();
    m_demo->start(fresh);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings.setValue(QStringLiteral("window/state"), saveState());
    // Sessions close before the demo server stops.
    m_catalog->load(nullptr);
    m_connection.reset();
    m_demo.reset();
    event->accept();
}

} // namespace strata
