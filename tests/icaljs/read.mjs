// Reads an iCalendar file with ical.js (Thunderbird's parser) and prints the
// events as JSON: uid, start and end (UTC ISO, or a date), summary, status.
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const moment = (time) => time.isDate ? time.toString() : time.toJSDate().toISOString();
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    start: moment(event.startDate),
    end: moment(event.endDate),
    summary: event.summary,
    status: component.getFirstPropertyValue("status") || "",
  };
});
console.log(JSON.stringify(events));
