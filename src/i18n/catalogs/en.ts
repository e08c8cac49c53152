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

  // the EU withdrawal function (Directive 2011/83/EU, Article 11a): the link, the confirmation's block, the acknowledgement and the hosted page
  "withdrawal.link": "Withdraw from contract here",
  "withdrawal.exception.market_price": "its price depends on the financial market",
  "withdrawal.exception.personalised": "made to your specifications or personalised",
  "withdrawal.exception.perishable": "quickly perishable",
  "withdrawal.exception.sealed_hygiene": "sealed for health or hygiene reasons, once unsealed",
  "withdrawal.exception.mixed": "inseparably mixed with other items after delivery",
  "withdrawal.exception.alcohol_futures": "alcoholic drinks whose price depends on the market",
  "withdrawal.exception.sealed_media": "sealed audio, video or software, once unsealed",
  "withdrawal.exception.periodical": "a newspaper, periodical or magazine",
  "withdrawal.exception.digital_content": "digital content, once supply has begun",
  "withdrawal.reason.withdrawal_exception": "{exception} (Article 16({point}))",
  "withdrawal.reason.period_ended": "its withdrawal period ended on {date}",
  "withdrawal.reason.excluded": "the shop does not take it back, and no statutory right of withdrawal covers it",
  "withdrawal.reason.no_policy": "the shop does not take it back, and no statutory right of withdrawal covers it",
  "withdrawal.reason.not_sent": "it has not been sent yet; to cancel it, contact us",
  "withdrawal.reason.returned": "it is already returned or on its way back",
  "email.withdrawal.heading": "Your right of withdrawal",
  "email.withdrawal.right":
    "You can withdraw from this purchase within {days} days without giving any reason. The withdrawal period ends {days} days after the day you, or someone you name (other than the carrier), receive the items.",
  "email.withdrawal.howEmail": "To withdraw, use the link below, or send us a clear statement that you withdraw by email to {email}.",
  "email.withdrawal.how": "To withdraw, use the link below, or send us a clear statement that you withdraw.",
  "email.withdrawal.costs.shop": "We pay the direct cost of sending the items back.",
  "email.withdrawal.costs.customer": "You pay the direct cost of sending the items back.",
  "email.withdrawal.costs.customerFee": "You pay the direct cost of sending the items back: {fee}.",
  "email.withdrawal.exceptions": "The right of withdrawal does not apply to: {items}.",
  "email.withdrawal.exceptionItem": "{title} ({exception})",
  "withdrawalConfirmation.subject": "{shopName}: we’ve received your withdrawal from order #{orderNumber}",
  "withdrawalConfirmation.preview": "Your withdrawal from order #{orderNumber} is confirmed",
  "withdrawalConfirmation.heading": "We’ve received your withdrawal{hasName, select, yes {, {name}} other {}}",
  "withdrawalConfirmation.intro":
    "This confirms that you withdrew from the contract for the items below of order #{orderNumber}. Keep this email for your records.",
  "withdrawalConfirmation.receivedAt": "We received your withdrawal on {dateTime}.",
  "withdrawalConfirmation.statedBy": "Stated by {name} ({email}).",
  "withdrawalConfirmation.items": "Items withdrawn",
  "withdrawalConfirmation.nextSteps": "What happens next",
  "withdrawalConfirmation.sendBack":
    "{methods, select, mail {Please send the items back to us within 14 days of today.} in_store {Please bring the items back to our shop within 14 days of today.} other {Please send the items back to us, or bring them to our shop, within 14 days of today.}}",
  "withdrawalConfirmation.address": "Our return address:",
  "withdrawalConfirmation.costs.shop": "We pay the cost of sending them back.",
  "withdrawalConfirmation.costs.customer": "You pay the direct cost of sending them back.",
  "withdrawalConfirmation.costs.customerFee": "You pay the direct cost of sending them back: {fee}.",
  "withdrawalConfirmation.refund":
    "We refund what you paid for them within 14 days of today, to the payment method you used. We may wait until the items are back with us, or until you have shown that you sent them.",
  "withdrawalConfirmation.button": "Visit the shop",
  "page.withdraw.intro": "Order #{orderNumber}. Choose what you withdraw from; you can check everything before you confirm.",
  "page.withdraw.items": "Items",
  "page.withdraw.quantity": "Quantity of {title}",
  "page.withdraw.upTo": "{count, plural, one {# can be withdrawn} other {up to # can be withdrawn}}{hasDate, select, yes {, until {date}} other {}}",
  "page.withdraw.notWithdrawable": "Can’t be withdrawn",
  "page.withdraw.nothing": "Nothing in this order can be withdrawn now.",
  "page.withdraw.name": "Your name",
  "page.withdraw.email": "Your email address",
  "page.withdraw.continue": "Continue",
  "page.withdraw.errors": "Please check the fields marked below.",
  "page.withdraw.error.name": "Please enter your name.",
  "page.withdraw.error.email": "This is not the email address of the order. Use the address you ordered with.",
  "page.withdraw.error.items": "Choose at least one item.",
  "page.withdraw.error.quantity": "Choose a quantity from 1 to {max}.",
  "page.withdraw.error.item": "This item can’t be withdrawn: {reason}.",
  "page.withdraw.error.order": "This order was canceled, so there is nothing to withdraw from.",
  "page.withdraw.review.title": "Check your withdrawal",
  "page.withdraw.review.intro": "You withdraw from the contract for these items of order #{orderNumber}:",
  "page.withdraw.review.by": "In the name of {name} ({email}).",
  "page.withdraw.review.confirm": "Confirm withdrawal",
  "page.withdraw.review.change": "Change",
  "page.withdraw.done.title": "Your withdrawal is confirmed",
  "page.withdraw.done.body": "We received your withdrawal from these items of order #{orderNumber} on {dateTime}:",
  "page.withdraw.done.email": "An acknowledgement is on its way to {email}. Keep it for your records.",
  "withdrawal.itemLine": "{quantity} × {title}",
  "page.withdraw.invalidLink.body":
    "The link is incomplete or was changed. Open it again from your order confirmation, or tell us by email that you withdraw from your order.",
  "page.withdraw.expiredLink.body":
    "Withdrawal links work for a limited time. To withdraw from your order, tell us by email.",
  "flow.withdrawal-confirmation": "withdrawal acknowledgement",
  // the feedback survey (NPS): the email and its hosted page
  "flow.feedback-survey": "feedback survey",
  "feedbackSurvey.subject": "How did we do{hasName, select, yes {, {name}} other {}}? One question from {shopName}",
  "feedbackSurvey.preview": "One click tells us how your order #{orderNumber} went",
  "feedbackSurvey.heading": "How did we do{hasName, select, yes {, {name}} other {}}?",
  "feedbackSurvey.intro": "Your order #{orderNumber} should be with you by now. We’d love to hear how it went with {shopName}: it takes just one click.",
  "feedbackSurvey.question": "How likely are you to recommend {shopName} to a friend?",
  "feedbackSurvey.scale": "0 = not likely, 10 = very likely",
  "feedbackSurvey.scoreLabel": "{score} out of 10",
  "feedbackSurvey.next": "Click a number. On the next page you can add a comment if you like.",
  "feedbackSurvey.button": "Tell us more",
  "feedbackSurvey.team": "Thank you, the {shopName} team",
  "page.feedback.title": "Your feedback",
  "page.feedback.intro": "About your order #{orderNumber} from {shopName}.",
  "page.feedback.previous": "You answered before. Sending the form again replaces your answer.",
  "page.feedback.score": "How likely are you to recommend {shopName} to a friend?",
  "page.feedback.scale": "0 = not likely, 10 = very likely",
  "page.feedback.comment": "Anything you’d like to tell us? (optional)",
  "page.feedback.improvement": "What could we do better? (optional)",
  "page.feedback.submit": "Send my feedback",
  "page.feedback.errors": "Please check the fields marked below.",
  "page.feedback.error.score": "Choose a number from 0 to 10.",
  "page.feedback.error.tooLong": "Please keep this to {max} characters; it has {length}.",
  "page.feedback.done.title": "Thank you for your feedback",
  "page.feedback.done.score": "You gave order #{orderNumber} a {score} out of 10.",
  "page.feedback.done.comment": "Your comment",
  "page.feedback.done.improvement": "What we could do better",
  "page.feedback.done.change": "Change my answer",
  "page.feedback.invalidLink.body": "The link is incomplete or was changed. Open it again from the email we sent you.",
  "page.feedback.expiredLink.body": "Survey links work for a limited time, and this one has expired. Thank you for wanting to answer all the same.",

  // reviews: what the Store API says of how reviews are checked, until the shop writes its own statement
  "reviews.verification.default":
    "Reviews marked “Verified purchase” were written through a link sent to the buyer after delivery. Other reviews are not checked.",
} as const

export type MessageKey = keyof typeof en

/** A catalog has every key; the type checker and a test both say so. */
export type Catalog = Record<MessageKey, string>
