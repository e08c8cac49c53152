/**
 * The English catalog, and the list of every message the plugin shows. ICU
 * MessageFormat: `{name}` is a value, `{count, plural, one {…} other {…}}` a
 * plural, `{x, select, …}` a choice. Typographic apostrophes (’) only: an
 * ASCII ' quotes text in ICU.
 */
export const en = {
  // every email
  "email.footer.questions": "Questions? We’re happy to help: ",
  "email.footer.helpCentre": "Help centre",
  "email.footer.newsletter": "Hear about new arrivals first: ",
  "email.footer.newsletterLink": "subscribe to our newsletter",
  "email.footer.unsubscribe": "Unsubscribe from these emails",
  "email.items.quantity": "Quantity: {quantity}",
  "email.items.quantityEach": "Quantity: {quantity} · {unitPrice} each",
  "email.totals.subtotal": "Subtotal",
  "email.totals.shipping": "Shipping",
  "email.totals.free": "Free",
  "email.totals.discount": "Discount",
  "email.totals.tax": "Tax",
  "email.totals.total": "Total",
  "email.address.shippingTo": "Shipping to",
  "email.returnsPolicy.heading": "Returns",
  "email.returnsPolicy.window":
    "{days, plural, =0 {Items can’t be returned once delivered.} one {You can return items within # day of delivery.} other {You can return items within # days of delivery.}}",
  "email.returnsPolicy.free": "Returns are free.",
  "email.returnsPolicy.fee": "Return shipping costs {fee}.",
  "email.returnsPolicy.methods":
    "{methods, select, mail {Send them back by post.} in_store {Bring them back to our shop.} other {Send them back by post or bring them to our shop.}}",
  "email.returnsPolicy.refund": "You get {how} within {days, plural, one {# day} other {# days}} of us receiving them.",
  "email.returnsPolicy.refund.original_payment": "your money back on your original payment method",
  "email.returnsPolicy.refund.store_credit": "store credit",
  "email.returnsPolicy.refund.exchange": "an exchange",
  "email.returnsPolicy.conditions": "Conditions:",
  "email.returnsPolicy.notReturnable": "Can’t be returned: {items}.",
  "email.returnsPolicy.readMore": "Read the full policy",

  // order confirmation
  "confirmation.subject": "Your {shopName} order #{orderNumber} is confirmed",
  "confirmation.preview": "Order #{orderNumber} is confirmed",
  "confirmation.heading": "Thanks for your order{hasName, select, yes {, {name}} other {}}!",
  "confirmation.intro": "We’ve received your order and are getting it ready. Here’s a summary for your records.",
  "confirmation.orderNumber": "Order number",
  "confirmation.orderDate": "Order date",
  "confirmation.button": "Visit the shop",

  // thank-you
  "thankYou.subject": "Thank you{hasName, select, yes {, {name}} other {}}, from all of us at {shopName}",
  "thankYou.preview": "A personal thank you from {shopName}",
  "thankYou.heading": "Thank you{hasName, select, yes {, {name}} other {}}!",
  "thankYou.intro":
    "All of us at {shopName} wanted to say a personal thank you. It means a lot that you chose to shop with us, and we put real care into every order.",
  "thankYou.purchase": "We hope you love your {purchase}.",
  "thankYou.purchaseMore": "{first} and {count, plural, one {# more item} other {# more items}}",
  "thankYou.comeBack": "There’s always something new in the shop, so come and have a look whenever you like.",
  "thankYou.button": "Discover what’s new",
  "thankYou.highlights": "New in the shop",
  "thankYou.signOff": "Warm wishes,",
  "thankYou.team": "The {shopName} team",
  "thankYou.about": "About your order #{orderNumber} of {date}.",

  // return window closing (marketing, before the last day to return)
  "windowClosing.subject": "A few days left to return items from order #{orderNumber}",
  "windowClosing.preview": "Your {shopName} order #{orderNumber}: the return window closes soon",
  "windowClosing.heading": "Still happy with your order{hasName, select, yes {, {name}} other {}}?",
  "windowClosing.intro":
    "We hope everything from {shopName} is just right. If something isn’t, there’s still time to send it back.",
  "windowClosing.deadline": "You can return items from order #{orderNumber} until {lastDay}.",
  "windowClosing.items": "{count, plural, one {This item can still go back} other {These items can still go back}}",
  "windowClosing.howTo": "How to return",
  "windowClosing.button": "Read our returns policy",
  "windowClosing.keep": "Happy with everything? Then there’s nothing you need to do.",
  "windowClosing.team": "The {shopName} team",

  // the unsubscribe page
  "page.unsubscribe.title": "Unsubscribe",
  "page.unsubscribe.question": "Which emails should {shopName} stop sending to {email}?",
  "page.unsubscribe.onlyFlow": "Only {flow} emails",
  "page.unsubscribe.all": "All marketing email",
  "page.unsubscribe.ordersStill": "You will still get emails about your orders, such as confirmations.",
  "page.unsubscribed.title": "You are unsubscribed",
  "page.unsubscribed.all": "{shopName} will send no more marketing email to {email}.",
  "page.unsubscribed.flow": "{shopName} will send no more {flow} emails to {email}.",
  "page.invalidLink.title": "This link does not work",
  "page.invalidLink.body":
    "The link is incomplete or was changed. Open it again from the email, or contact us and we will take you off the list.",
  "page.expiredLink.title": "This link has expired",
  "page.expiredLink.body":
    "Unsubscribe links work for a limited time. Use the link in a more recent email, or contact us and we will take you off the list.",

  // flow names, as customers read them
  "flow.order-confirmation": "order confirmation",
  "flow.thank-you": "thank-you",
  "flow.return-window-closing": "return window reminder",
} as const

export type MessageKey = keyof typeof en

/** A catalog has every key; the type checker and a test both say so. */
export type Catalog = Record<MessageKey, string>
