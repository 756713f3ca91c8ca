// An iCalendar file read back by ical.js, an independent parser (not the library that wrote it),
// into the facts a calendar app shows: one record an event.
const ICAL = require("ical.js") as {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
};

interface IcalTime {
  isDate: boolean;
  year: number;
  month: number;
  day: number;
}
interface IcalComponent {
  name: string;
  getAllSubcomponents(name: string): IcalComponent[];
  getFirstPropertyValue(name: string): unknown;
  getAllProperties(name: string): { getValues(): unknown[] }[];
  getFirstProperty(name: string): { getParameter(name: string): unknown } | null;
}

/**
 * One event as a calendar app reads it: dates ISO, the reminder in seconds relative to the start
 * (negative: before) or, where `related` says END, to the end.
 */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  sequence: number;
  transparent: boolean;
  categories: string[];
  alarms: { action: string; triggerSeconds: number; related: "START" | "END"; description: string }[];
}

const iso = (t: IcalTime): string => `${String(t.year).padStart(4, "0")}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;

/** The events of an iCalendar text, in file order; throws where ical.js cannot parse it. */
export function parseEvents(text: string): { calendarName: unknown; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((e) => {
    const start = e.getFirstPropertyValue("dtstart") as IcalTime;
    const end = e.getFirstPropertyValue("dtend") as IcalTime;
    return {
      uid: String(e.getFirstPropertyValue("uid")),
      summary: String(e.getFirstPropertyValue("summary")),
      description: String(e.getFirstPropertyValue("description")),
      start: iso(start),
      end: iso(end),
      allDay: start.isDate && end.isDate,
      sequence: Number(e.getFirstPropertyValue("sequence")),
      transparent: e.getFirstPropertyValue("transp") === "TRANSPARENT",
      categories: e.getAllProperties("categories").flatMap((p) => p.getValues().map(String)),
      alarms: e.getAllSubcomponents("valarm").map((a) => ({
        action: String(a.getFirstPropertyValue("action")),
        triggerSeconds: (a.getFirstPropertyValue("trigger") as { toSeconds(): number }).toSeconds(),
        // RFC 5545 §3.2.14: a trigger without RELATED is relative to the start.
        related: a.getFirstProperty("trigger")?.getParameter("related") === "END" ? ("END" as const) : ("START" as const),
        description: String(a.getFirstPropertyValue("description")),
      })),
    };
  });
  return { calendarName: calendar.getFirstPropertyValue("x-wr-calname"), events };
}
