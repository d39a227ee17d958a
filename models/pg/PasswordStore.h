#pragma once

#include <QObject>

#include <optional>
#include <QString>

namespace QKeychain {
class Job;
}

namespace strata {

// Passwords of saved connections in the system keyring (Secret Service or KWallet through
// QtKeychain, service "Strata", keyed by the saved connection's id). Every call returns at
// once and answers with a signal. Without a keyring it stores nothing: there is no
// plaintext fallback.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    // Looks for a keyring service on the D-Bus session bus (a few local round trips).
    explicit PasswordStore(QObject *parent = nullptr);
    ~PasswordStore() override;

    bool isAvailable() const { return unavailableReason().isEmpty(); }
    // Why no password can be saved, one translated sentence; empty when available.
    // The first call asks D-Bus (a few synchronous calls); not done at start-up.
    QString unavailableReason() const;
    // Turns the store off (a --no-keyring option, tests): it then stores and reads nothing.
    void disable(const QString &reason);

    void read(const QString &id);   // -> passwordRead, passwordMissing or failed
    void write(const QString &id, const QString &password);  // -> written or failed
    void remove(const QString &id);  // -> removed (also when there was none) or failed

signals:
    void passwordRead(const QString &id, const QString &password);
    void passwordMissing(const QString &id);
    void written(const QString &id);
    void removed(const QString &id);
    void failed(const QString &id, const QString &reason);
    // The keyring went away (or was turned off) after construction.
    void availabilityChanged(bool available);

private:
    static QString probe();
    void failLater(const QString &id);
    // Reason for `job`'s error; marks the store unavailable when there is no backend.
    QString jobFailure(const QKeychain::Job *job);

    mutable std::optional<QString> m_unavailableReason;
};

} // namespace strata
