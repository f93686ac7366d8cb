"""Calendar arithmetic without datetime: leap years, day of year, weekdays."""
import numpy as np

MONTH_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def is_leap(year):
    year = np.asarray(year)
    return (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))


def day_of_year(year, month, day):
    cum = np.concatenate(([0], np.cumsum(MONTH_DAYS)[:-1]))
    doy = cum[month - 1] + day
    return doy + ((month > 2) & is_leap(year))


def weekday(year, month, day):
    # Zeller-like (Sakamoto) algorithm, 0 = Sunday
    t = np.array([0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4])
    y = year - (month < 3)
    return (y + y // 4 - y // 100 + y // 400 + t[month - 1] + day) % 7


def days_from_civil(y, m, d):
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def main():
    years = np.array([1900, 2000, 2023, 2024, 2100, 1996])
    leap = is_leap(years)
    y = np.array([2024, 2024, 2023, 2000, 1999])
    m = np.array([1, 3, 12, 2, 7])
    d = np.array([1, 1, 31, 29, 4])
    doy = day_of_year(y, m, d)
    wd = weekday(y, m, d)
    epoch = days_from_civil(y, m, d)
    gaps = np.diff(np.sort(epoch))
    weeks, rem = np.divmod(gaps, 7)
    feb = np.where(is_leap(np.arange(2000, 2013)), 29, 28)
    year_len = 365 + is_leap(np.arange(1990, 2030)).astype(int)
    total = year_len.sum()
    mins = np.array([0, 59, 60, 1439, 1440, 3000])
    hh, mm = np.divmod(mins % 1440, 60)
    names = np.array(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])
    return {
        "leap": leap,
        "doy": doy,
        "weekday": wd,
        "weekday_names": names[wd],
        "epoch": epoch,
        "gaps": gaps,
        "weeks": weeks,
        "rem": rem,
        "feb": feb,
        "total_days": total,
        "hh": hh,
        "mm": mm,
        "mod_neg": np.mod(np.array([-3, -1, 5]), 7),
        "fmod_neg": np.fmod(np.array([-3, -1, 5]), 7),
    }
