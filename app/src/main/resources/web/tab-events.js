// Read-only events: the coming weeks as a list and one week as seven day columns. Both ask the
// dashboard API with expand=true, so recurring events appear as their occurrences.
import { agentPath, api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { errorBox, showError, announce } from './status.js';

const DAY = 24 * 60 * 60 * 1000;
const UPCOMING_DAYS = 30;
const UPCOMING_LIMIT = 20;
const WEEK_LIMIT = 500;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'short' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addDays(date, days) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Monday 00:00 local time of the week holding `date`. */
function startOfWeek(date) {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

function dayKey(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** All-day bounds are calendar dates (end exclusive), timed bounds are instants. */
function bounds(event) {
  if (event.allDay) {
    const [sy, sm, sd] = event.start.split('-').map(Number);
    const [ey, em, ed] = event.end.split('-').map(Number);
    return { start: new Date(sy, sm - 1, sd), end: new Date(ey, em - 1, ed) };
  }
  return { start: new Date(event.start), end: new Date(event.end) };
}

function whenText(event) {
  const { start, end } = bounds(event);
  if (event.allDay) {
    const days = Math.round((end - start) / DAY);
    return days > 1 ? `All day, ${days} days` : 'All day';
  }
  return `${timeFormat.format(start)}–${timeFormat.format(end)}`;
}

// An occurrence changed on its own (moved, retitled…) is listed where it now is and marked, so the
// owner can tell it from the series' other occurrences; cancelled ones are absent from expand=true.
function changeBadge(event) {
  if (!event.modified) {
    return null;
  }
  const original = event.allDay ? event.originalStart : new Date(event.originalStart);
  const moved = event.allDay ? event.start !== original : new Date(event.start).getTime() !== original.getTime();
  const from = event.allDay ? original : `${shortDayFormat.format(original)} ${timeFormat.format(original)}`;
  return h('span', { class: 'badge changed', title: moved ? `Moved from ${from}` : 'Changed for this occurrence only' },
    moved ? 'moved' : 'changed');
}

function eventItem(event, { withDay = false } = {}) {
  const { start } = bounds(event);
  return h('li', { class: event.modified ? 'event modified' : 'event', 'data-original-start': event.originalStart || null },
    h('span', { class: 'when' },
      withDay ? h('time', { datetime: event.start }, `${shortDayFormat.format(start)} · `) : null,
      whenText(event)),
    h('span', { class: 'title' }, event.title),
    event.rrule ? h('span', { class: 'badge repeat', title: event.rrule }, 'repeats') : null,
    changeBadge(event),
    event.location ? h('span', { class: 'location' }, event.location) : null);
}

async function fetchEvents(agentId, from, to, limit) {
  const query = new URLSearchParams({
    start_after: from.toISOString(), start_before: to.toISOString(), expand: 'true', limit: String(limit),
  });
  const { events } = await api('GET', `${agentPath(agentId, 'events')}?${query}`);
  return events;
}

export async function renderEvents(panel, context, current) {
  const agent = context.agent;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const upcoming = h('section', { class: 'upcoming', 'aria-labelledby': 'upcoming-heading' },
    h('h2', { id: 'upcoming-heading' }, 'Upcoming'),
    h('p', { class: 'loading' }, 'Loading…'));
  const week = h('section', { class: 'week-view', 'aria-labelledby': 'week-heading' });
  replaceChildren(panel,
    h('p', { class: 'hint' }, `Read-only. Times are shown in your time zone (${zone}); the agent’s time zone is ${agent.timezone}. `,
      'Agents create events through the agent API.'),
    week, upcoming);

  let weekStart = startOfWeek(new Date());
  const weekErrors = errorBox();
  const weekTitle = h('h2', { id: 'week-heading', tabindex: '-1' });
  const days = h('div', { class: 'week' });
  const note = h('p', { class: 'hint', hidden: true });
  const nav = h('div', { class: 'week-nav', role: 'group', 'aria-label': 'Week' },
    h('button', { type: 'button', class: 'secondary', onclick: () => showWeek(-7) }, '← Previous week'),
    h('button', { type: 'button', class: 'secondary', onclick: () => showWeek(0) }, 'This week'),
    h('button', { type: 'button', class: 'secondary', onclick: () => showWeek(7) }, 'Next week →'));
  replaceChildren(week, weekTitle, nav, weekErrors, note, days);

  async function showWeek(shift) {
    weekStart = shift === 0 ? startOfWeek(new Date()) : addDays(weekStart, shift);
    const end = addDays(weekStart, 7);
    weekTitle.textContent = `Week of ${rangeFormat.format(weekStart)}`;
    weekErrors.hidden = true;
    try {
      const events = await fetchEvents(agent.id, weekStart, end, WEEK_LIMIT);
      if (!current()) return;
      renderWeek(events, end);
      note.hidden = events.length < WEEK_LIMIT;
      note.textContent = `Showing the first ${WEEK_LIMIT} events of this week.`;
      if (shift !== 0 || document.activeElement?.closest?.('.week-nav')) {
        announce(`${weekTitle.textContent}: ${events.length} ${events.length === 1 ? 'event' : 'events'}.`);
      }
    } catch (error) {
      showError(weekErrors, error);
    }
  }

  function renderWeek(events, end) {
    const byDay = new Map();
    for (const event of events) {
      const { start, end: finish } = bounds(event);
      // An all-day event spanning several days shows on each of them inside the week.
      const last = event.allDay ? addDays(finish, -1) : start;
      for (let day = startOfDay(start); day <= last && day < end; day = addDays(day, 1)) {
        if (day < weekStart) continue;
        const key = dayKey(day);
        if (!byDay.has(key)) byDay.set(key, []);
        byDay.get(key).push(event);
      }
    }
    const today = dayKey(new Date());
    const columns = [];
    for (let i = 0; i < 7; i += 1) {
      const day = addDays(weekStart, i);
      const key = dayKey(day);
      const items = (byDay.get(key) ?? []).sort((a, b) => (b.allDay - a.allDay) || (bounds(a).start - bounds(b).start));
      columns.push(h('section', { class: key === today ? 'day today' : 'day', 'aria-label': dayFormat.format(day) },
        h('h3', {}, h('time', { datetime: key }, dayFormat.format(day)), key === today ? h('span', { class: 'visually-hidden' }, ' (today)') : null),
        items.length ? h('ul', { class: 'events' }, items.map((event) => eventItem(event))) : h('p', { class: 'free' }, 'Free')));
    }
    replaceChildren(days, columns);
  }

  const now = new Date();
  const loadUpcoming = fetchEvents(agent.id, now, new Date(now.getTime() + UPCOMING_DAYS * DAY), UPCOMING_LIMIT)
    .then((events) => {
      if (!current()) return;
      replaceChildren(upcoming, h('h2', { id: 'upcoming-heading' }, 'Upcoming'),
        events.length
          ? h('ol', { class: 'events upcoming-list' }, events.map((event) => eventItem(event, { withDay: true })))
          : h('p', {}, `Nothing in the next ${UPCOMING_DAYS} days.`));
    })
    .catch((error) => {
      const box = errorBox();
      replaceChildren(upcoming, h('h2', { id: 'upcoming-heading' }, 'Upcoming'), box);
      showError(box, error);
    });
  await Promise.all([loadUpcoming, showWeek(0)]);
}
