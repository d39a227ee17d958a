#include "ConnectionDialog.h"

#include "pg/Connection.h"
#include "pg/DrizzleProject.h"
#include "pg/PasswordStore.h"
#include "pg/SavedConnections.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace strata {

namespace {

const QString passwordKeyword = QStringLiteral("password");
// Keywords with a field of their own; everything else goes to "More options".
const QStringList fieldKeywords = {QStringLiteral("host"), QStringLiteral("port"),
                                   QStringLiteral("dbname"), QStringLiteral("user"),
                                   QStringLiteral("sslmode")};
constexpr int recentCount = 8;
constexpr int idRole = Qt::UserRole;

bool looksLikeUrl(const QString &text)
{
    return text.trimmed().contains(QStringLiteral("://"));
}

// Where a password sits in text typed into the URL field: the characters to cut (the
// keyword or ':' and a separator with it) and the value inside them.
struct PasswordSpan {
    qsizetype cutFrom = 0;
    qsizetype cutTo = 0;
    qsizetype valueFrom = 0;
    qsizetype valueTo = 0;
};

std::optional<PasswordSpan> findPassword(const QString &text)
{
    const qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    if (schemeEnd >= 0) {
        const qsizetype authorityStart = schemeEnd + 3;
        qsizetype authorityEnd = authorityStart;
        while (authorityEnd < text.size()
               && !QStringLiteral("/?#").contains(text.at(authorityEnd)))
            ++authorityEnd;
        const qsizetype at = authorityEnd > authorityStart
                                 ? text.lastIndexOf(QLatin1Char('@'), authorityEnd - 1)
                                 : -1;
        if (at >= authorityStart) {
            const qsizetype colon = text.indexOf(QLatin1Char(':'), authorityStart);
            if (colon >= 0 && colon < at)
                return PasswordSpan{colon, at, colon + 1, at};  // "user:secret@"
        }
        const qsizetype query = text.indexOf(QLatin1Char('?'), authorityEnd);
        if (query < 0)
            return std::nullopt;
        qsizetype queryEnd = text.indexOf(QLatin1Char('#'), query);
        if (queryEnd < 0)
            queryEnd = text.size();
        const QString key = QStringLiteral("password=");
        for (qsizetype start = query + 1; start <= queryEnd;) {
            qsizetype end = text.indexOf(QLatin1Char('&'), start);
            if (end < 0 || end > queryEnd)
                end = queryEnd;
            if (QStringView(text).mid(start, end - start).startsWith(key)) {
                const qsizetype valueFrom = start + key.size();
                if (end < queryEnd)
                    return PasswordSpan{start, end + 1, valueFrom, end};  // "password=…&"
                if (start > query + 1)
                    return PasswordSpan{start - 1, end, valueFrom, end};  // "&password=…"
                return PasswordSpan{query, end, valueFrom, end};          // "?password=…"
            }
            start = end + 1;
        }
        return std::nullopt;
    }
    static const QRegularExpression keyword(
        QStringLiteral(R"((?:^|(?<=\s))password\s*=\s*('(?:[^'\\]|\\.)*'|\S*)\s*)"));
    const QRegularExpressionMatch match = keyword.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return PasswordSpan{match.capturedStart(0), match.capturedEnd(0), match.capturedStart(1),
                        match.capturedEnd(1)};
}

// Cuts every password out of `text` and keeps the rest as typed: reprinting the whole
// spec would move the cursor and respell what the user is in the middle of.
QString withoutPasswords(QString text, int *cursor)
{
    for (int guard = 0; guard < 4; ++guard) {
        const std::optional<PasswordSpan> span = findPassword(text);
        if (!span)
            break;
        text.remove(span->cutFrom, span->cutTo - span->cutFrom);
        if (*cursor > span->cutFrom)
            *cursor -= int(std::min<qsizetype>(*cursor, span->cutTo) - span->cutFrom);
    }
    return text;
}

QString errorText(const SpecError &error)
{
    if (error.column <= 0)
        return error.message;
    return ConnectionDialog::tr("%1, column %2: %3")
        .arg(error.source)
        .arg(error.column)
        .arg(error.message);
}

// toUrl() puts user, host, port and dbname into the authority only while they lead the
// spec in that order; fields filled in another order would print as "?user=…&host=…".
ConnectionSpec urlOrdered(const ConnectionSpec &spec)
{
    ConnectionSpec ordered;
    for (const char *keyword : {"user", "password", "host", "port", "dbname"}) {
        const QString name = QString::fromLatin1(keyword);
        if (spec.contains(name))
            ordered.setValue(name, spec.value(name));
    }
    for (const QString &keyword : spec.keywords()) {
        if (!ordered.contains(keyword))
            ordered.setValue(keyword, spec.value(keyword));
    }
    return ordered;
}

// A keyword that ConnectionSpec never prints (password, sslpassword): it has no place in
// "More options", so that field must not be taken to have dropped it.
bool isHiddenKeyword(const QString &keyword)
{
    ConnectionSpec probe;
    probe.setValue(keyword, QStringLiteral("x"));
    return probe.toKeywordValue().isEmpty();
}

void setErrorLook(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
}

} // namespace

ConnectionDialog::ConnectionDialog(SavedConnections &saved, PasswordStore &passwords,
                                   QWidget *parent)
    : QDialog(parent)
    , m_saved(saved)
    , m_passwords(passwords)
{
    setWindowTitle(tr("Connect to a database"));
    buildUi();
    reloadList();
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
            showStatus(tr("Saved “%1”; its password is in the system keyring.").arg(m_name->text()));
    });
    connect(&m_passwords, &PasswordStore::availabilityChanged, this,
            &ConnectionDialog::updateKeyringCheckBox);
    m_url->setFocus();
}

ConnectionDialog::~ConnectionDialog()
{
    abandonTest();
    // ~QDialog hides the window afterwards, and the URL field losing focus would then call
    // editingFinished's slot on a half-destroyed object: cut every line back to this first.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
    disconnect(&m_passwords, nullptr, this, nullptr);
}

void ConnectionDialog::buildUi()
{
    // Left: saved and recent connections.
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setMinimumWidth(220);
    m_list->setAccessibleName(tr("Saved and recent connections"));
    m_savedGroup = new QTreeWidgetItem(m_list, {tr("Saved")});
    m_recentGroup = new QTreeWidgetItem(m_list, {tr("Recent")});
    // An empty white box says nothing; this says the list is empty for now.
    m_emptyHint = new QTreeWidgetItem(m_list, {tr("Nothing saved or used yet")});
    m_emptyHint->setFlags(Qt::NoItemFlags);
    QFont hintFont = m_emptyHint->font(0);
    hintFont.setItalic(true);
    m_emptyHint->setFont(0, hintFont);
    for (QTreeWidgetItem *group : {m_savedGroup, m_recentGroup}) {
        group->setFlags(Qt::ItemIsEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
    }
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, idRole).toString().isEmpty())
            loadEntry(item->data(0, idRole).toString());
        m_deleteButton->setEnabled(!m_savedId.isEmpty());
    });
    connect(m_list, &QTreeWidget::itemActivated, this, &ConnectionDialog::itemActivated);

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
    const auto lineEdit = [](const char *objectName) {
        auto *edit = new QLineEdit;
        edit->setObjectName(QString::fromLatin1(objectName));
        return edit;
    };
    const auto errorLabel = [](const char *objectName) {
        auto *label = new QLabel;
        label->setObjectName(QString::fromLatin1(objectName));
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        setErrorLook(label);
        label->hide();
        return label;
    };

    m_name = lineEdit("name");
    m_name->setPlaceholderText(tr("A name to save it under"));
    m_url = lineEdit("url");
    m_url->setPlaceholderText(
        tr("postgresql://user@host:5432/database  or  host=… dbname=…"));
    m_url->setClearButtonEnabled(true);
    m_urlError = errorLabel("urlError");
    m_host = lineEdit("host");
    m_host->setPlaceholderText(tr("local socket"));
    m_port = lineEdit("port");
    m_port->setPlaceholderText(QStringLiteral("5432"));
    // Digits, and commas for one port per host of a multi-host list.
    m_port->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9,]*")), m_port));
    m_port->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    m_dbname = lineEdit("dbname");
    m_user = lineEdit("user");
    m_password = lineEdit("password");
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = new QComboBox;
    m_sslMode->setObjectName(QStringLiteral("sslmode"));
    m_sslMode->addItem(tr("default (prefer)"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_moreOptions = lineEdit("moreOptions");
    m_moreOptions->setPlaceholderText(tr("connect_timeout=10 application_name=…"));
    m_moreOptions->setToolTip(tr("Further libpq connection keywords as keyword=value pairs"));
    m_moreError = errorLabel("moreOptionsError");
    m_production = new QCheckBox(tr("Production (read-only until unlocked)"));
    m_production->setObjectName(QStringLiteral("production"));
    m_savePassword = new QCheckBox(tr("Save password in the system keyring"));
    m_savePassword->setObjectName(QStringLiteral("savePassword"));

    connect(m_url, &QLineEdit::textEdited, this, &ConnectionDialog::urlEdited);
    connect(m_url, &QLineEdit::editingFinished, this, [this] { hidePasswordInUrl(true); });
    for (QLineEdit *field : {m_host, m_port, m_dbname, m_user, m_moreOptions})
        connect(field, &QLineEdit::textEdited, this, &ConnectionDialog::fieldsEdited);
    connect(m_sslMode, &QComboBox::activated, this, &ConnectionDialog::fieldsEdited);

    auto *urlBox = new QVBoxLayout;
    urlBox->setSpacing(2);
    urlBox->addWidget(m_url);
    urlBox->addWidget(m_urlError);
    auto *hostBox = new QHBoxLayout;
    hostBox->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("&Port:"));
    portLabel->setBuddy(m_port);
    hostBox->addWidget(portLabel);
    hostBox->addWidget(m_port);
    auto *moreBox = new QVBoxLayout;
    moreBox->setSpacing(2);
    moreBox->addWidget(m_moreOptions);
    moreBox->addWidget(m_moreError);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    // A row holding a layout gets no buddy on its own, and a label without one shows "&".
    const auto buddyLabel = [](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        return label;
    };
    form->addRow(buddyLabel(tr("&URL:"), m_url), urlBox);
    form->addRow(buddyLabel(tr("&Host:"), m_host), hostBox);
    form->addRow(tr("&Database:"), m_dbname);
    form->addRow(tr("U&ser:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("SSL &mode:"), m_sslMode);
    form->addRow(buddyLabel(tr("More &options:"), m_moreOptions), moreBox);
    form->addRow(QString(), m_production);
    form->addRow(QString(), m_savePassword);

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
    right->addLayout(form);
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

void ConnectionDialog::reloadList()
{
    // Deleting the current item would move the selection and load another entry.
    const QSignalBlocker blocker(m_list);
    qDeleteAll(m_savedGroup->takeChildren());
    qDeleteAll(m_recentGroup->takeChildren());
    const auto addItem = [](QTreeWidgetItem *group, const SavedConnection &entry) {
        auto *item = new QTreeWidgetItem(group, {entry.displayName()});
        item->setData(0, idRole, entry.id);
        QString tip = entry.spec.displayName();
        if (!entry.projectFolder.isEmpty())
            tip += QLatin1Char('\n') + tr("Project: %1").arg(entry.projectFolder);
        if (entry.production) {
            item->setText(0, tr("%1 (production)").arg(entry.displayName()));
            tip += QLatin1Char('\n') + tr("Production: read-only until unlocked");
        }
        item->setToolTip(0, tip);
    };
    for (const SavedConnection &entry : m_saved.list())
        addItem(m_savedGroup, entry);
    for (const SavedConnection &entry : m_saved.recent(recentCount))
        addItem(m_recentGroup, entry);
    m_savedGroup->setHidden(m_savedGroup->childCount() == 0);
    m_recentGroup->setHidden(m_recentGroup->childCount() == 0);
    m_emptyHint->setHidden(m_savedGroup->childCount() + m_recentGroup->childCount() > 0);
    m_list->expandAll();
}

void ConnectionDialog::loadEntry(const QString &id)
{
    const std::optional<SavedConnection> entry = m_saved.find(id);
    if (!entry)
        return;
    abandonTest();
    m_savedId = entry->id;
    m_deleteButton->setEnabled(true);
    m_name->setText(entry->saved ? entry->name : QString());
    m_spec = entry->spec;
    m_keywordForm = false;
    m_projectFolder = entry->projectFolder;
    m_projectInfo->setPalette(palette());
    m_projectInfo->setVisible(!m_projectFolder.isEmpty());
    m_projectInfo->setText(tr("Project: %1").arg(QDir::toNativeSeparators(m_projectFolder)));
    m_production->setChecked(entry->production);
    m_savePassword->setChecked(entry->savePassword && m_passwords.isAvailable());
    m_password->clear();
    m_password->setPlaceholderText(QString());
    m_testResult->hide();
    showStatus(QString());
    showSpec();
    m_connectAfterRead = false;
    m_pendingPasswordId.clear();
    if (entry->savePassword && m_passwords.isAvailable()) {
        m_pendingPasswordId = entry->id;
        m_password->setPlaceholderText(tr("reading the keyring…"));
        m_passwords.read(entry->id);
    }
}

bool ConnectionDialog::selectSaved(const QString &id)
{
    if (!m_saved.find(id))
        return false;
    reloadList();  // it may have been saved since the list was filled
    for (QTreeWidgetItem *group : {m_savedGroup, m_recentGroup}) {
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, idRole).toString() == id) {
                m_list->setCurrentItem(group->child(i));
                return true;
            }
        }
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
    m_spec = ConnectionSpec();
    m_keywordForm = false;
    m_projectFolder.clear();
    m_name->clear();
    m_password->clear();
    m_password->setPlaceholderText(QString());
    m_production->setChecked(false);
    m_savePassword->setChecked(false);
    m_projectInfo->hide();
    m_testResult->hide();
    m_deleteButton->setEnabled(false);
    showStatus(QString());
    showSpec();
    m_url->setFocus();
}

void ConnectionDialog::setSpec(const ConnectionSpec &spec)
{
    m_spec = spec;
    if (m_spec.hasPassword()) {
        m_password->setText(m_spec.password());
        m_spec.remove(passwordKeyword);
    }
    m_keywordForm = false;
    showSpec();
}

ConnectionSpec ConnectionDialog::spec() const
{
    ConnectionSpec spec = m_spec;
    if (!m_password->text().isEmpty())
        spec.setValue(passwordKeyword, m_password->text());
    return spec;
}

bool ConnectionDialog::isProduction() const
{
    return m_production->isChecked();
}

// --- URL and fields ---------------------------------------------------------------------

QString ConnectionDialog::urlText() const
{
    if (m_spec.isEmpty())
        return QString();
    return m_keywordForm ? m_spec.toKeywordValue() : urlOrdered(m_spec).toUrl();
}

void ConnectionDialog::showSpec()
{
    setUrlText(urlText());
    showUrlError(SpecError());
    fillFields();
}

void ConnectionDialog::showUrlError(const SpecError &error)
{
    m_urlError->setText(error.isNull() ? QString() : errorText(error));
    m_urlError->setVisible(!error.isNull());
}

void ConnectionDialog::urlEdited(const QString &text)
{
    // One key typed or deleted, as opposed to a paste or a cut.
    const bool oneKey = std::abs(text.size() - m_typedUrl.size()) == 1;
    m_typedUrl = text;
    if (text.trimmed().isEmpty()) {
        m_spec = ConnectionSpec();
        showUrlError(SpecError());
        fillFields();
        return;
    }
    // Untrimmed, so that the error's column counts what the user sees.
    SpecError error;
    ConnectionSpec spec = ConnectionSpec::parse(text, &error);
    if (!error.isNull()) {
        // The fields keep the last spec that parsed; the error says what is wrong now.
        showUrlError(error);
        return;
    }
    m_keywordForm = !looksLikeUrl(text);
    if (spec.hasPassword()) {
        m_password->setText(spec.password());
        spec.remove(passwordKeyword);
    }
    m_spec = spec;
    showUrlError(SpecError());
    fillFields();
    hidePasswordInUrl(!oneKey);
}

// A password in a query or key=value string has no end mark: cut at its first character,
// the rest of it would land in the URL as a new keyword. So while the cursor is on it, it
// stays until the user moves on or leaves the field (`force`).
void ConnectionDialog::hidePasswordInUrl(bool force)
{
    const QString text = m_url->text();
    const std::optional<PasswordSpan> span = findPassword(text);
    if (!span)
        return;
    int cursor = m_url->cursorPosition();
    if (!force && cursor >= span->valueFrom && cursor <= span->valueTo)
        return;
    SpecError error;
    ConnectionSpec expected = ConnectionSpec::parse(text, &error);
    if (!error.isNull())
        return;  // nothing took the password yet: leave it where the user can fix the rest
    expected.remove(passwordKeyword);
    QString shown = withoutPasswords(text, &cursor);
    const ConnectionSpec check = ConnectionSpec::parse(shown, &error);
    if (!error.isNull() || check != expected) {
        // Spelled in a way the cut does not know: print the spec afresh.
        shown = urlText();
        cursor = int(shown.size());
    }
    setUrlText(shown);
    m_url->setCursorPosition(cursor);
}

void ConnectionDialog::setUrlText(const QString &text)
{
    m_typedUrl = text;
    m_url->setText(text);
}

void ConnectionDialog::fillFields()
{
    m_host->setText(m_spec.host());
    m_port->setText(m_spec.port());
    m_dbname->setText(m_spec.dbname());
    m_user->setText(m_spec.user());
    const QString sslMode = m_spec.value(QStringLiteral("sslmode"));
    int index = m_sslMode->findData(sslMode);
    if (index < 0) {
        // Not a mode libpq knows today; show it rather than hide it (libpq will complain).
        m_sslMode->addItem(sslMode, sslMode);
        index = m_sslMode->count() - 1;
    }
    m_sslMode->setCurrentIndex(index);
    ConnectionSpec rest;
    for (const QString &keyword : m_spec.keywords()) {
        if (!fieldKeywords.contains(keyword) && keyword != passwordKeyword)
            rest.setValue(keyword, m_spec.value(keyword));
    }
    m_moreOptions->setText(rest.toKeywordValue());
    m_moreError->hide();
}

void ConnectionDialog::fieldsEdited()
{
    // Start from the current spec so that keywords keep their order and a key=value string
    // printed back matches what was typed.
    ConnectionSpec spec = m_spec;
    spec.setValue(QStringLiteral("host"), m_host->text().trimmed());
    spec.setValue(QStringLiteral("port"), m_port->text().trimmed());
    spec.setValue(QStringLiteral("dbname"), m_dbname->text());
    spec.setValue(QStringLiteral("user"), m_user->text());
    spec.setValue(QStringLiteral("sslmode"), m_sslMode->currentData().toString());

    SpecError error;
    const ConnectionSpec more = ConnectionSpec::fromKeywordValue(m_moreOptions->text(), &error);
    QString moreProblem;
    if (!error.isNull()) {
        moreProblem = errorText(error);
    } else {
        for (const QString &keyword : more.keywords()) {
            if (fieldKeywords.contains(keyword) || keyword == passwordKeyword) {
                moreProblem = tr("Set “%1” in its own field above.").arg(keyword);
                break;
            }
        }
    }
    if (moreProblem.isEmpty()) {
        for (const QString &keyword : spec.keywords()) {
            if (!fieldKeywords.contains(keyword) && !more.contains(keyword)
                && !isHiddenKeyword(keyword))
                spec.remove(keyword);
        }
        for (const QString &keyword : more.keywords())
            spec.setValue(keyword, more.value(keyword));
    }
    // With a problem in "More options" the other fields still apply; its keywords stay
    // as they were until it reads cleanly.
    m_moreError->setText(moreProblem);
    m_moreError->setVisible(!moreProblem.isEmpty());

    m_spec = spec;
    setUrlText(urlText());
    showUrlError(SpecError());
}

// --- saved connections ------------------------------------------------------------------

void ConnectionDialog::saveEntry()
{
    SavedConnection entry;
    if (std::optional<SavedConnection> existing = m_saved.find(m_savedId))
        entry = *existing;
    entry.name = m_name->text().trimmed();
    if (entry.name.isEmpty())
        entry.name = m_spec.displayName();
    entry.spec = m_spec;
    entry.saved = true;
    entry.production = m_production->isChecked();
    entry.savePassword = m_savePassword->isChecked() && m_passwords.isAvailable();
    entry.projectFolder = m_projectFolder;
    const QString id = m_saved.save(entry);
    m_saved.sync();

    if (m_passwords.isAvailable()) {
        // An empty field on a saved entry keeps what the keyring has.
        if (entry.savePassword && !m_password->text().isEmpty())
            m_passwords.write(id, m_password->text());
        else if (!entry.savePassword)
            m_passwords.remove(id);
    }
    reloadList();
    // Select without reloading the form: what is typed (the password) stays.
    for (int i = 0; i < m_savedGroup->childCount(); ++i) {
        if (m_savedGroup->child(i)->data(0, idRole).toString() == id) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentItem(m_savedGroup->child(i));
        }
    }
    m_savedId = id;
    m_name->setText(entry.name);
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
    reloadList();
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
    m_deleteButton->setEnabled(false);
    // The form stays filled, so that Save brings the entry back.
    showStatus(tr("Deleted “%1”.").arg(entry->displayName()));
}

void ConnectionDialog::itemActivated(QTreeWidgetItem *item)
{
    const QString id = item ? item->data(0, idRole).toString() : QString();
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
    m_savePassword->setEnabled(available);
    if (available) {
        m_savePassword->setToolTip(tr("Keep the password in the system keyring, "
                                      "never in Strata's settings file"));
    } else {
        m_savePassword->setChecked(false);
        m_savePassword->setToolTip(m_passwords.unavailableReason() + QLatin1Char('\n')
                                   + tr("The password is asked for each time."));
    }
}

void ConnectionDialog::passwordRead(const QString &id, const QString &password)
{
    if (id != m_pendingPasswordId)
        return;
    m_pendingPasswordId.clear();
    m_password->setPlaceholderText(QString());
    // Something typed meanwhile wins over the keyring.
    if (m_password->text().isEmpty())
        m_password->setText(password);
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
    m_password->setPlaceholderText(QString());
    showStatus(reason + QLatin1Char(' ') + tr("Type the password."), true);
    m_password->setFocus();
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
    if (m_name->text().isEmpty())
        m_name->setText(QDir(folder).dirName());

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
        m_password->clear();
        setSpec(spec);
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
    m_test = new Connection(m_spec, this);
    m_test->setPassword(m_password->text());
    connect(m_test, &Connection::opened, this, &ConnectionDialog::testSucceeded);
    connect(m_test, &Connection::openFailed, this, &ConnectionDialog::testFailed);
    setTesting(true);
    m_testResult->setPalette(palette());
    m_testResult->setText(tr("Connecting to %1…").arg(m_spec.displayName().toHtmlEscaped()));
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
        m_password->setFocus();
}

// --- connect ----------------------------------------------------------------------------

void ConnectionDialog::accept()
{
    abandonTest();
    // Record the use on the picked entry if the form still says what it says; otherwise on
    // a recent entry for what the form says now.
    const std::optional<SavedConnection> picked = m_saved.find(m_savedId);
    if (picked && picked->spec == m_spec && picked->projectFolder == m_projectFolder) {
        m_saved.markUsed(picked->id);
    } else {
        SavedConnection recent;
        recent.spec = m_spec;
        recent.production = m_production->isChecked();
        recent.projectFolder = m_projectFolder;
        m_savedId = m_saved.addRecent(recent);
    }
    // Marked production anywhere means production here: the safe way round.
    if (const std::optional<SavedConnection> used = m_saved.find(m_savedId); used && used->production)
        m_production->setChecked(true);
    m_saved.sync();
    QDialog::accept();
}

} // namespace strata
