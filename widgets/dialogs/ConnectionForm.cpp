#include "ConnectionForm.h"

#include "ErrorLook.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
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
    return ConnectionForm::tr("%1, column %2: %3")
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

} // namespace

ConnectionForm::ConnectionForm(QWidget *parent)
    : QWidget(parent)
{
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

    connect(m_url, &QLineEdit::textEdited, this, &ConnectionForm::urlEdited);
    connect(m_url, &QLineEdit::editingFinished, this, [this] { hidePasswordInUrl(true); });
    for (QLineEdit *field : {m_host, m_port, m_dbname, m_user, m_moreOptions})
        connect(field, &QLineEdit::textEdited, this, &ConnectionForm::fieldsEdited);
    connect(m_sslMode, &QComboBox::activated, this, &ConnectionForm::fieldsEdited);

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

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
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
}

ConnectionForm::~ConnectionForm()
{
    // As a window of its own, ~QWidget hides it, and the URL field losing focus would then
    // call editingFinished's slot on a half-destroyed object: cut every line back to this.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

ConnectionSpec ConnectionForm::spec() const
{
    ConnectionSpec spec = m_spec;
    if (!m_password->text().isEmpty())
        spec.setValue(passwordKeyword, m_password->text());
    return spec;
}

void ConnectionForm::setSpec(const ConnectionSpec &spec)
{
    m_spec = spec;
    if (m_spec.hasPassword()) {
        m_password->setText(m_spec.password());
        m_spec.remove(passwordKeyword);
    }
    m_keywordForm = false;
    showSpec();
}

void ConnectionForm::clear()
{
    m_spec = ConnectionSpec();
    m_keywordForm = false;
    m_name->clear();
    m_password->clear();
    m_password->setPlaceholderText(QString());
    m_production->setChecked(false);
    m_savePassword->setChecked(false);
    showSpec();
    m_url->setFocus();
}

QString ConnectionForm::name() const
{
    return m_name->text();
}

void ConnectionForm::setName(const QString &name)
{
    m_name->setText(name);
}

QString ConnectionForm::password() const
{
    return m_password->text();
}

void ConnectionForm::setPassword(const QString &password)
{
    m_password->setText(password);
}

void ConnectionForm::setPasswordPlaceholder(const QString &text)
{
    m_password->setPlaceholderText(text);
}

bool ConnectionForm::isProduction() const
{
    return m_production->isChecked();
}

void ConnectionForm::setProduction(bool production)
{
    m_production->setChecked(production);
}

bool ConnectionForm::savesPassword() const
{
    return m_savePassword->isChecked();
}

void ConnectionForm::setSavesPassword(bool save)
{
    m_savePassword->setChecked(save);
}

void ConnectionForm::setKeyringAvailable(bool available, const QString &toolTip)
{
    m_savePassword->setEnabled(available);
    if (!available)
        m_savePassword->setChecked(false);
    m_savePassword->setToolTip(toolTip);
}

void ConnectionForm::focusUrl()
{
    m_url->setFocus();
}

void ConnectionForm::focusPassword()
{
    m_password->setFocus();
}

QString ConnectionForm::urlText() const
{
    if (m_spec.isEmpty())
        return QString();
    return m_keywordForm ? m_spec.toKeywordValue() : urlOrdered(m_spec).toUrl();
}

void ConnectionForm::showSpec()
{
    setUrlText(urlText());
    showUrlError(SpecError());
    fillFields();
}

void ConnectionForm::showUrlError(const SpecError &error)
{
    m_urlError->setText(error.isNull() ? QString() : errorText(error));
    m_urlError->setVisible(!error.isNull());
}

void ConnectionForm::urlEdited(const QString &text)
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
void ConnectionForm::hidePasswordInUrl(bool force)
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

void ConnectionForm::setUrlText(const QString &text)
{
    m_typedUrl = text;
    m_url->setText(text);
}

void ConnectionForm::fillFields()
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

void ConnectionForm::fieldsEdited()
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

} // namespace strata
