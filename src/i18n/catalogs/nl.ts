import type { Catalog } from "./en"

/** Nederlands (je-vorm, zoals de meeste webwinkels schrijven). */
export const nl: Catalog = {
  "email.footer.questions": "Vragen? We helpen je graag: ",
  "email.footer.helpCentre": "Klantenservice",
  "email.footer.newsletter": "Als eerste horen wat er nieuw is: ",
  "email.footer.newsletterLink": "schrijf je in voor onze nieuwsbrief",
  "email.footer.unsubscribe": "Afmelden voor deze e-mails",
  "email.items.quantity": "Aantal: {quantity}",
  "email.items.quantityEach": "Aantal: {quantity} · {unitPrice} per stuk",
  "email.totals.subtotal": "Subtotaal",
  "email.totals.shipping": "Verzending",
  "email.totals.free": "Gratis",
  "email.totals.discount": "Korting",
  "email.totals.tax": "Btw",
  "email.totals.total": "Totaal",
  "email.address.shippingTo": "Verzendadres",
  "email.returnsPolicy.heading": "Retourneren",
  "email.returnsPolicy.window":
    "{days, plural, =0 {Na levering kun je artikelen niet retourneren.} one {Je kunt artikelen binnen # dag na levering retourneren.} other {Je kunt artikelen binnen # dagen na levering retourneren.}}",
  "email.returnsPolicy.free": "Retourneren is gratis.",
  "email.returnsPolicy.fee": "Retourzenden kost {fee}.",
  "email.returnsPolicy.methods":
    "{methods, select, mail {Stuur ze per post terug.} in_store {Breng ze terug naar onze winkel.} other {Stuur ze per post terug of breng ze naar onze winkel.}}",
  "email.returnsPolicy.refund": "Je krijgt {how} binnen {days, plural, one {# dag} other {# dagen}} nadat wij ze hebben ontvangen.",
  "email.returnsPolicy.refund.original_payment": "je geld terug via je oorspronkelijke betaalmethode",
  "email.returnsPolicy.refund.store_credit": "tegoed in onze winkel",
  "email.returnsPolicy.refund.exchange": "een ruilartikel",
  "email.returnsPolicy.conditions": "Voorwaarden:",
  "email.returnsPolicy.notReturnable": "Niet te retourneren: {items}.",
  "email.returnsPolicy.readMore": "Lees het volledige retourbeleid",

  "confirmation.subject": "Je bestelling #{orderNumber} bij {shopName} is bevestigd",
  "confirmation.preview": "Bestelling #{orderNumber} is bevestigd",
  "confirmation.heading": "Bedankt voor je bestelling{hasName, select, yes {, {name}} other {}}!",
  "confirmation.intro": "We hebben je bestelling ontvangen en maken hem klaar. Hieronder vind je een overzicht voor je administratie.",
  "confirmation.orderNumber": "Bestelnummer",
  "confirmation.orderDate": "Besteldatum",
  "confirmation.button": "Naar de webwinkel",

  "thankYou.subject": "Bedankt{hasName, select, yes {, {name}} other {}}, namens iedereen bij {shopName}",
  "thankYou.preview": "Een persoonlijk bedankje van {shopName}",
  "thankYou.heading": "Bedankt{hasName, select, yes {, {name}} other {}}!",
  "thankYou.intro":
    "Iedereen bij {shopName} wil je persoonlijk bedanken. Het betekent veel voor ons dat je bij ons hebt besteld, en we besteden echt aandacht aan elke bestelling.",
  "thankYou.purchase": "We hopen dat je blij bent met je {purchase}.",
  "thankYou.purchaseMore": "{first} en {count, plural, one {nog # artikel} other {nog # artikelen}}",
  "thankYou.comeBack": "Er is altijd wel iets nieuws in de winkel, dus kom gerust eens kijken.",
  "thankYou.button": "Ontdek wat er nieuw is",
  "thankYou.highlights": "Nieuw in de winkel",
  "thankYou.signOff": "Hartelijke groet,",
  "thankYou.team": "Het team van {shopName}",
  "thankYou.about": "Over je bestelling #{orderNumber} van {date}.",

  // return window closing (marketing, before the last day to return)
  "windowClosing.subject": "Nog een paar dagen om artikelen uit bestelling #{orderNumber} te retourneren",
  "windowClosing.preview": "Je bestelling #{orderNumber} bij {shopName}: de retourtermijn loopt bijna af",
  "windowClosing.heading": "Nog steeds blij met je bestelling{hasName, select, yes {, {name}} other {}}?",
  "windowClosing.intro":
    "We hopen dat alles van {shopName} precies goed is. Is dat niet zo, dan heb je nog even de tijd om het terug te sturen.",
  "windowClosing.deadline": "Je kunt artikelen uit bestelling #{orderNumber} retourneren tot en met {lastDay}.",
  "windowClosing.items": "{count, plural, one {Dit artikel kun je nog retourneren} other {Deze artikelen kun je nog retourneren}}",
  "windowClosing.howTo": "Zo retourneer je",
  "windowClosing.button": "Lees ons retourbeleid",
  "windowClosing.keep": "Ben je overal blij mee? Dan hoef je niets te doen.",
  "windowClosing.team": "Het team van {shopName}",

  "page.unsubscribe.title": "Afmelden",
  "page.unsubscribe.question": "Welke e-mails moet {shopName} niet meer sturen naar {email}?",
  "page.unsubscribe.onlyFlow": "Alleen e-mails met een {flow}",
  "page.unsubscribe.all": "Alle marketingmails",
  "page.unsubscribe.ordersStill": "Je blijft e-mails over je bestellingen ontvangen, zoals bevestigingen.",
  "page.unsubscribed.title": "Je bent afgemeld",
  "page.unsubscribed.all": "{shopName} stuurt geen marketingmails meer naar {email}.",
  "page.unsubscribed.flow": "{shopName} stuurt geen e-mails met een {flow} meer naar {email}.",
  "page.invalidLink.title": "Deze link werkt niet",
  "page.invalidLink.body":
    "De link is onvolledig of gewijzigd. Open hem opnieuw vanuit de e-mail, of neem contact met ons op, dan halen wij je van de lijst.",
  "page.expiredLink.title": "Deze link is verlopen",
  "page.expiredLink.body":
    "Afmeldlinks werken een beperkte tijd. Gebruik de link in een recentere e-mail, of neem contact met ons op, dan halen wij je van de lijst.",

  "flow.order-confirmation": "orderbevestiging",
  "flow.thank-you": "bedankje",
  "flow.return-window-closing": "retourherinnering",
}
