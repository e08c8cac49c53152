import type { Catalog } from "./en"

/** Deutsch (Du-Form, wie in vielen Onlineshops). */
export const de: Catalog = {
  "email.footer.questions": "Fragen? Wir helfen dir gern: ",
  "email.footer.helpCentre": "Hilfe-Center",
  "email.footer.newsletter": "Neuheiten zuerst erfahren: ",
  "email.footer.newsletterLink": "abonniere unseren Newsletter",
  "email.footer.unsubscribe": "Von diesen E-Mails abmelden",
  "email.items.quantity": "Menge: {quantity}",
  "email.items.quantityEach": "Menge: {quantity} · je {unitPrice}",
  "email.totals.subtotal": "Zwischensumme",
  "email.totals.shipping": "Versand",
  "email.totals.free": "Kostenlos",
  "email.totals.discount": "Rabatt",
  "email.totals.tax": "MwSt.",
  "email.totals.total": "Gesamt",
  "email.address.shippingTo": "Lieferadresse",
  "email.returnsPolicy.heading": "Rücksendungen",
  "email.returnsPolicy.window":
    "{days, plural, =0 {Nach der Lieferung sind Rücksendungen nicht möglich.} one {Du kannst Artikel innerhalb von # Tag nach der Lieferung zurücksenden.} other {Du kannst Artikel innerhalb von # Tagen nach der Lieferung zurücksenden.}}",
  "email.returnsPolicy.free": "Die Rücksendung ist kostenlos.",
  "email.returnsPolicy.fee": "Die Rücksendung kostet {fee}.",
  "email.returnsPolicy.methods":
    "{methods, select, mail {Schicke sie per Post zurück.} in_store {Bring sie in unser Geschäft zurück.} other {Schicke sie per Post zurück oder bring sie in unser Geschäft.}}",
  "email.returnsPolicy.refund": "Du erhältst {how} innerhalb von {days, plural, one {# Tag} other {# Tagen}}, nachdem sie bei uns angekommen sind.",
  "email.returnsPolicy.refund.original_payment": "dein Geld über deine ursprüngliche Zahlungsart zurück",
  "email.returnsPolicy.refund.store_credit": "ein Guthaben in unserem Shop",
  "email.returnsPolicy.refund.exchange": "einen Umtausch",
  "email.returnsPolicy.conditions": "Bedingungen:",
  "email.returnsPolicy.notReturnable": "Nicht rücksendbar: {items}.",
  "email.returnsPolicy.readMore": "Die vollständigen Rückgabebedingungen lesen",

  "confirmation.subject": "Deine Bestellung #{orderNumber} bei {shopName} ist bestätigt",
  "confirmation.preview": "Bestellung #{orderNumber} ist bestätigt",
  "confirmation.heading": "Danke für deine Bestellung{hasName, select, yes {, {name}} other {}}!",
  "confirmation.intro": "Wir haben deine Bestellung erhalten und machen sie fertig. Hier ist eine Übersicht für deine Unterlagen.",
  "confirmation.orderNumber": "Bestellnummer",
  "confirmation.orderDate": "Bestelldatum",
  "confirmation.button": "Zum Shop",

  "thankYou.subject": "Danke{hasName, select, yes {, {name}} other {}}, von uns allen bei {shopName}",
  "thankYou.preview": "Ein persönliches Dankeschön von {shopName}",
  "thankYou.heading": "Danke{hasName, select, yes {, {name}} other {}}!",
  "thankYou.intro":
    "Wir alle bei {shopName} möchten uns persönlich bei dir bedanken. Es bedeutet uns viel, dass du bei uns eingekauft hast, und wir stecken viel Sorgfalt in jede Bestellung.",
  "thankYou.purchase": "Wir hoffen, dir gefällt dein Einkauf: {purchase}.",
  "thankYou.purchaseMore": "{first} und {count, plural, one {# weiterer Artikel} other {# weitere Artikel}}",
  "thankYou.comeBack": "Im Shop gibt es immer etwas Neues, schau gern vorbei, wann immer du magst.",
  "thankYou.button": "Neuheiten entdecken",
  "thankYou.highlights": "Neu im Shop",
  "thankYou.signOff": "Herzliche Grüße",
  "thankYou.team": "Dein {shopName}-Team",
  "thankYou.about": "Zu deiner Bestellung #{orderNumber} vom {date}.",

  // return window closing (marketing, before the last day to return)
  "windowClosing.subject": "Nur noch wenige Tage, um Artikel aus Bestellung #{orderNumber} zurückzusenden",
  "windowClosing.preview": "Deine Bestellung #{orderNumber} bei {shopName}: Die Rückgabefrist endet bald",
  "windowClosing.heading": "Bist du mit deiner Bestellung zufrieden{hasName, select, yes {, {name}} other {}}?",
  "windowClosing.intro":
    "Wir hoffen, dass bei deiner Bestellung von {shopName} alles passt. Falls nicht, hast du noch etwas Zeit, um Artikel zurückzusenden.",
  "windowClosing.deadline": "Du kannst Artikel aus Bestellung #{orderNumber} bis {lastDay} zurücksenden.",
  "windowClosing.items": "{count, plural, one {Diesen Artikel kannst du noch zurücksenden} other {Diese Artikel kannst du noch zurücksenden}}",
  "windowClosing.howTo": "So funktioniert die Rücksendung",
  "windowClosing.button": "Unsere Rückgabebedingungen lesen",
  "windowClosing.keep": "Bist du mit allem zufrieden? Dann musst du nichts tun.",
  "windowClosing.team": "Dein {shopName}-Team",

  "page.unsubscribe.title": "Abmelden",
  "page.unsubscribe.question": "Welche E-Mails soll {shopName} nicht mehr an {email} senden?",
  "page.unsubscribe.onlyFlow": "Nur E-Mails der Art: {flow}",
  "page.unsubscribe.all": "Alle Marketing-E-Mails",
  "page.unsubscribe.ordersStill": "E-Mails zu deinen Bestellungen, etwa Bestätigungen, bekommst du weiterhin.",
  "page.unsubscribed.title": "Du bist abgemeldet",
  "page.unsubscribed.all": "{shopName} sendet keine Marketing-E-Mails mehr an {email}.",
  "page.unsubscribed.flow": "{shopName} sendet keine E-Mails der Art „{flow}“ mehr an {email}.",
  "page.invalidLink.title": "Dieser Link funktioniert nicht",
  "page.invalidLink.body":
    "Der Link ist unvollständig oder wurde verändert. Öffne ihn erneut aus der E-Mail, oder schreib uns, dann nehmen wir dich von der Liste.",
  "page.expiredLink.title": "Dieser Link ist abgelaufen",
  "page.expiredLink.body":
    "Abmeldelinks gelten nur eine begrenzte Zeit. Nutze den Link in einer neueren E-Mail, oder schreib uns, dann nehmen wir dich von der Liste.",

  "flow.order-confirmation": "Bestellbestätigung",
  "flow.thank-you": "Dankeschön",
  "flow.return-window-closing": "Erinnerung an die Rückgabefrist",
}
