#include "ConnectionDialog.h"

#include "ConnectionForm.h"
#include "ErrorLook.h"
#include "SavedConnectionList.h"
#include "pg/Connection.h"
#include "pg/DrizzleProject.h"
#include "pg/PasswordStore.h"
#include "pg/SavedConnections.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <optional>

namespace strata {

ConnectionDialog::ConnectionDialog(SavedConnections &saved, PasswordStore &passwords,
                                   QWidget *parent)
    : QDialog(parent)
    , m_saved(saved)
    , m_passwords(passwords)
{
    setWindowTitle(tr("Connect to a database"));
    buildUi();
    m_list->reload();
    updateKeyringCheckBox();

    connect(&m_passwords, &PasswordStore::passwordRead, this, &ConnectionDialog::passwordRead);
    connect(&m_passwords, &PasswordStore::passwordMissing, this, [this](const QString &id) {
        passwordUnavailable(id, tr("The password is not in the keyring."));
    });
    connect(&m_passwords, &PasswordStore::failed, this, [this](const QString &id, const QString &reason) {
        if (id == m_pendingPasswordId)
            passwordUnavailable(id, reason);
        else  // a write or delete from Save or Delete
            showStatus(tr("The system keyring failed: %1").arg(reason), true);
    });
    connect(&m_passwords, &PasswordStore::written, this, [this](const QString &id) {
        if (id == m_savedId)
            showStatus(tr("Saved “%1”; its password is in the system keyring.").arg(m_form->name()));
    });
    connect(&m_passwords, &PasswordStore::availabilityChanged, this,
            &ConnectionDialog::updateKeyringCheckBox);
    m_form->focusUrl();
}

ConnectionDialog::~ConnectionDialog()
{
    abandonTest();
    // ~QDialog hides the window afterwards, and the URL field losing focus would then call
    // editingFinished's slot while the dialog is half destroyed: cut every line back to this
    // dialog and to its form first.
    for (QObject *child : findChildren<QObject *>()) {
        disconnect(child, nullptr, this, nullptr);
        disconnect(child, nullptr, m_form, nullptr);
    }
    disconnect(&m_passwords, nullptr, this, nullptr);
}

void ConnectionDialog::buildUi()
{
    // Left: saved and recent connections.
    m_list = new SavedConnectionList(m_saved);
    connect(m_list, &SavedConnectionList::currentEntryChanged, this, [this](const QString &id) {
        if (!id.isEmpty())
            loadEntry(id);
        m_deleteButton->setEnabled(!m_savedId.isEmpty());
    });
    connect(m_list, &SavedConnectionList::entryActivated, this, &ConnectionDialog::entryActivated);

    m_newButton = new QPushButton(tr("New"));
    m_newButton->setObjectName(QStringLiteral("newButton"));
    m_newButton->setToolTip(tr("Clear the form for a new connection"));
    m_saveButton = new QPushButton(tr("Save"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setToolTip(tr("Save this connection under its name (without the password, "
                                "unless it goes to the system keyring)"));
    m_deleteButton = new QPushButton(tr("Delete"));
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setEnabled(false);
    connect(m_newButton, &QPushButton::clicked, this, &ConnectionDialog::clearForm);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveEntry);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteEntry);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_saveButton);
    listButtons->addWidget(m_deleteButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    // Right: the form.
    m_form = new ConnectionForm;

    m_projectButton = new QPushButton(tr("Open project folder…"));
    m_projectButton->setObjectName(QStringLiteral("projectButton"));
    m_projectButton->setToolTip(tr("Read the connection from a drizzle project "
                                   "(drizzle.config.ts and .env)"));
    connect(m_projectButton, &QPushButton::clicked, this, &ConnectionDialog::chooseProjectFolder);
    m_projectInfo = new QLabel;
    m_projectInfo->setObjectName(QStringLiteral("projectInfo"));
    m_projectInfo->setWordWrap(true);
    m_projectInfo->setTextFormat(Qt::PlainText);
    m_projectInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_projectInfo->hide();

    m_testButton = new QPushButton(tr("Test"));
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setToolTip(tr("Try to connect and show the server's version"));
    m_cancelTestButton = new QPushButton(tr("Cancel test"));
    m_cancelTestButton->setObjectName(QStringLiteral("cancelTestButton"));
    m_cancelTestButton->hide();
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::startTest);
    connect(m_cancelTestButton, &QPushButton::clicked, this, &ConnectionDialog::cancelTest);
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::RichText);  // every piece is escaped where it is set
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_testButton);
    actions->addWidget(m_cancelTestButton);
    actions->addStretch(1);
    actions->addWidget(m_projectButton);

    auto *right = new QVBoxLayout;
    right->addWidget(m_form);
    right->addLayout(actions);
    right->addWidget(m_testResult);
    right->addWidget(m_projectInfo);
    right->addStretch(1);

    auto *panes = new QHBoxLayout;
    panes->addLayout(left);
    panes->addSpacing(8);
    panes->addLayout(right, 1);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("connectButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_buttons);

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(panes, 1);
    outer->addLayout(bottom);

    resize(860, 520);
}

void ConnectionDialog::loadEntry(const QString &id)
{
    const std::optional<SavedConnection> entry = m_saved.find(id);
    if (!entry)
        return;
    abandonTest();
    m_savedId = entry->id;
    m_deleteButton->setEnabled(true);
    m_form->setName(entry->saved ? entry->name : QString());
    m_projectFolder = entry->projectFolder;
    m_projectInfo->setPalette(palette());
    m_projectInfo->setVisible(!m_projectFolder.isEmpty());
    m_projectInfo->setText(tr("Project: %1").arg(QDir::toNativeSeparators(m_projectFolder)));
    m_form->setProduction(entry->production);
    m_form->setSavesPassword(entry->savePassword && m_passwords.isAvailable());
    m_form->setPassword(QString());
    m_form->setPasswordPlaceholder(QString());
    m_testResult->hide();
    showStatus(QString());
    m_form->setSpec(entry->spec);
    m_connectAfterRead = false;
    m_pendingPasswordId.clear();
    if (entry->savePassword && m_passwords.isAvailable()) {
        m_pendingPasswordId = entry->id;
        m_form->setPasswordPlaceholder(tr("reading the keyring…"));
        m_passwords.read(entry->id);
    }
}

bool ConnectionDialog::selectSaved(const QString &id)
{
    if (!m_saved.find(id))
        return false;
    m_list->reload();  // it may have been saved since the list was filled
    if (QTreeWidgetItem *item = m_list->itemOf(id)) {
        m_list->setCurrentItem(item);
        return true;
    }
    // Known but not listed (an old recent beyond the list): still fill the form.
    loadEntry(id);
    return true;
}

void ConnectionDialog::clearForm()
{
    abandonTest();
    m_list->setCurrentItem(nullptr);
    m_savedId.clear();
    m_pendingPasswordId.clear();
    m_connectAfterRead = false;
    m_projectFolder.clear();
    m_projectInfo->hide();
    m_testResult->hide();
    m_deleteButton->setEnabled(false);
    showStatus(QString());
    m_form->clear();
}

void ConnectionDialog::setSpec(const ConnectionSpec &spec)
{
    m_form->setSpec(spec);
}

ConnectionSpec ConnectionDialog::spec() const
{
    return m_form->spec();
}

bool ConnectionDialog::isProduction() const
{
    return m_form->isProduction();
}

// --- saved connections ------------------------------------------------------------------

void ConnectionDialog::saveEntry()
{
    SavedConnection entry;
    if (std::optional<SavedConnection> existing = m_saved.find(m_savedId))
        entry = *existing;
    entry.name = m_form->name().trimmed();
    entry.spec = m_form->specWithoutPassword();
    if (entry.name.isEmpty())
        entry.name = entry.spec.displayName();
    entry.saved = true;
    entry.production = m_form->isProduction();
    entry.savePassword = m_form->savesPassword() && m_passwords.isAvailable();
    entry.projectFolder = m_projectFolder;
    const QString id = m_saved.save(entry);
    m_saved.sync();

    if (m_passwords.isAvailable()) {
        // An empty field on a saved entry keeps what the keyring has.
        if (entry.savePassword && !m_form->password().isEmpty())
            m_passwords.write(id, m_form->password());
        else if (!entry.savePassword)
            m_passwords.remove(id);
    }
    m_list->reload();
    // Select without reloading the form: what is typed (the password) stays.
    if (QTreeWidgetItem *item = m_list->itemOf(id)) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(item);
    }
    m_savedId = id;
    m_form->setName(entry.name);
    m_deleteButton->setEnabled(true);
    showStatus(tr("Saved “%1”.").arg(entry.name));
}

void ConnectionDialog::deleteEntry()
{
    const std::optional<SavedConnection> entry = m_saved.find(m_savedId);
    if (!entry)
        return;
    m_saved.remove(entry->id);
    m_saved.sync();
    if (entry->savePassword && m_passwords.isAvailable())
        m_passwords.remove(entry->id);
    m_savedId.clear();
    m_list->reload();
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
    m_deleteButton->setEnabled(false);
    // The form stays filled, so that Save brings the entry back.
    showStatus(tr("Deleted “%1”.").arg(entry->displayName()));
}

void ConnectionDialog::entryActivated(const QString &id)
{
    if (id.isEmpty())
        return;
    if (id != m_savedId)
        loadEntry(id);
    // Wait for the keyring rather than connect without a password it holds.
    if (!m_pendingPasswordId.isEmpty())
        m_connectAfterRead = true;
    else
        accept();
}

void ConnectionDialog::updateKeyringCheckBox()
{
    const bool available = m_passwords.isAvailable();
    m_form->setKeyringAvailable(available,
                                available ? tr("Keep the password in the system keyring, "
                                               "never in Strata's settings file")
                                          : m_passwords.unavailableReason() + QLatin1Char('\n')
                                              + tr("The password is asked for each time."));
}

void ConnectionDialog::passwordRead(const QString &id, const QString &password)
{
    if (id != m_pendingPasswordId)
        return;
    m_pendingPasswordId.clear();
    m_form->setPasswordPlaceholder(QString());
    // Something typed meanwhile wins over the keyring.
    if (m_form->password().isEmpty())
        m_form->setPassword(password);
    if (m_connectAfterRead) {
        m_connectAfterRead = false;
        accept();
    }
}

void ConnectionDialog::passwordUnavailable(const QString &id, const QString &reason)
{
    if (id != m_pendingPasswordId)
        return;
    m_pendingPasswordId.clear();
    m_connectAfterRead = false;
    m_form->setPasswordPlaceholder(QString());
    showStatus(reason + QLatin1Char(' ') + tr("Type the password."), true);
    m_form->focusPassword();
}

void ConnectionDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    if (error)
        setErrorLook(m_status);
    else
        m_status->setPalette(palette());
}

// --- project folder ---------------------------------------------------------------------

void ConnectionDialog::chooseProjectFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open a drizzle project folder"),
        m_projectFolder.isEmpty() ? QDir::homePath() : m_projectFolder);
    if (!folder.isEmpty())
        openProjectFolder(folder);
}

bool ConnectionDialog::openProjectFolder(const QString &folder)
{
    SpecError error;
    const DrizzleProject project = DrizzleProject::read(folder, &error);
    m_projectInfo->show();
    if (!error.isNull()) {
        setErrorLook(m_projectInfo);
        m_projectInfo->setText(tr("Cannot read the project: %1").arg(error.toString()));
        return false;
    }
    m_projectInfo->setPalette(palette());
    abandonTest();
    m_testResult->hide();
    m_list->setCurrentItem(nullptr);
    m_savedId.clear();
    m_deleteButton->setEnabled(false);
    m_projectFolder = project.folder().isEmpty() ? folder : project.folder();
    if (m_form->name().isEmpty())
        m_form->setName(QDir(folder).dirName());

    SpecError urlError;
    const ConnectionSpec spec = project.connection(DrizzleProject::Purpose::Browse, &urlError);
    const QString source = project.connectionSource(DrizzleProject::Purpose::Browse);
    QStringList lines;
    lines << tr("Project: %1").arg(QDir::toNativeSeparators(folder));
    if (!urlError.isNull()) {
        // The fields keep what they had: never quietly another database.
        lines << tr("The database URL in %1 cannot be read: %2").arg(source, urlError.toString());
        setErrorLook(m_projectInfo);
    } else if (spec.isEmpty()) {
        lines << tr("The project names no database; fill in the fields.");
    } else {
        m_form->setPassword(QString());
        m_form->setSpec(spec);
        lines << tr("Connection from %1").arg(source);
    }
    for (const SpecError &warning : project.warnings())
        lines << tr("Warning: %1").arg(warning.toString());
    m_projectInfo->setText(lines.join(QLatin1Char('\n')));
    return !spec.isEmpty();
}

// --- test -------------------------------------------------------------------------------

void ConnectionDialog::startTest()
{
    abandonTest();
    const ConnectionSpec spec = m_form->specWithoutPassword();
    m_test = new Connection(spec, this);
    m_test->setPassword(m_form->password());
    connect(m_test, &Connection::opened, this, &ConnectionDialog::testSucceeded);
    connect(m_test, &Connection::openFailed, this, &ConnectionDialog::testFailed);
    setTesting(true);
    m_testResult->setPalette(palette());
    m_testResult->setText(tr("Connecting to %1…").arg(spec.displayName().toHtmlEscaped()));
    m_testResult->show();
    m_test->open();
}

void ConnectionDialog::cancelTest()
{
    abandonTest();
    m_testResult->setPalette(palette());
    m_testResult->setText(tr("Test cancelled.").toHtmlEscaped());
}

void ConnectionDialog::abandonTest()
{
    setTesting(false);
    if (!m_test)
        return;
    Connection *test = m_test;
    m_test = nullptr;
    test->disconnect(this);
    test->setParent(nullptr);
    // ~Connection waits for its thread, which may sit in a blocking connect until the
    // connect timeout: let the attempt end on its own, then delete it without waiting.
    connect(test, &Connection::opened, test, &QObject::deleteLater);
    connect(test, &Connection::openFailed, test, &QObject::deleteLater);
}

void ConnectionDialog::setTesting(bool testing)
{
    m_testButton->setEnabled(!testing);
    m_testButton->setText(testing ? tr("Testing…") : tr("Test"));
    m_cancelTestButton->setVisible(testing);
}

void ConnectionDialog::testSucceeded(const ServerInfo &info)
{
    setTesting(false);
    if (m_test) {
        m_test->deleteLater();  // closes the session on its own thread
        m_test = nullptr;
    }
    m_testResult->setPalette(palette());
    m_testResult->setText(tr("Connected: PostgreSQL %1, database “%2” as “%3”.")
                              .arg(info.version.toHtmlEscaped(),
                                   info.database.toHtmlEscaped(),
                                   info.user.toHtmlEscaped()));
    m_testResult->show();
}

void ConnectionDialog::testFailed(const PgError &error)
{
    setTesting(false);
    if (m_test) {
        m_test->deleteLater();
        m_test = nullptr;
    }
    // libpq's messages come in several lines ("…failed: …\nIs the server running…?").
    const auto toHtml = [](const QString &text) {
        return text.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    QString html = toHtml(error.message);
    if (!error.detail.isEmpty())
        html += QStringLiteral("<br>") + toHtml(tr("Detail: %1").arg(error.detail));
    if (!error.hint.isEmpty())
        html += QStringLiteral("<br>") + toHtml(tr("Hint: %1").arg(error.hint));
    if (error.needsPassword)
        html += QStringLiteral("<br>") + toHtml(tr("The server wants a password."));
    setErrorLook(m_testResult);
    m_testResult->setText(html);
    m_testResult->show();
    if (error.needsPassword)
        m_form->focusPassword();
}

// --- connect ----------------------------------------------------------------------------

void ConnectionDialog::accept()
{
    abandonTest();
    // Record the use on the picked entry if the form still says what it says; otherwise on
    // a recent entry for what the form says now.
    const ConnectionSpec spec = m_form->specWithoutPassword();
    const std::optional<SavedConnection> picked = m_saved.find(m_savedId);
    if (picked && picked->spec == spec && picked->projectFolder == m_projectFolder) {
        m_saved.markUsed(picked->id);
    } else {
        SavedConnection recent;
        recent.spec = spec;
        recent.production = m_form->isProduction();
        recent.projectFolder = m_projectFolder;
        m_savedId = m_saved.addRecent(recent);
    }
    // Marked production anywhere means production here: the safe way round.
    if (const std::optional<SavedConnection> used = m_saved.find(m_savedId); used && used->production)
        m_form->setProduction(true);
    m_saved.sync();
    QDialog::accept();
}

} // namespace strata
