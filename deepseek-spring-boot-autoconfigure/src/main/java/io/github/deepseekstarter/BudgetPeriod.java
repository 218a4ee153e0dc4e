/*
 * Copyright 2026 the original authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.deepseekstarter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The periods a token budget counts over, aligned to UTC clock boundaries so that every
 * replica agrees on when a period ends.
 */
public enum BudgetPeriod {

	/**
	 * A clock hour, from minute 0 to the next hour.
	 */
	HOUR(ChronoUnit.HOURS, "hourly"),

	/**
	 * A UTC day, from midnight to the next midnight.
	 */
	DAY(ChronoUnit.DAYS, "daily");

	private final ChronoUnit unit;

	private final String property;

	BudgetPeriod(ChronoUnit unit, String property) {
		this.unit = unit;
		this.property = property;
	}

	/**
	 * Returns the name of the period's budget property, {@code hourly} or {@code daily}.
	 * @return the property name
	 */
	public String property() {
		return this.property;
	}

	/**
	 * Returns the start of the period that holds an instant.
	 * @param now the instant
	 * @return the period's start
	 */
	public Instant start(Instant now) {
		return now.truncatedTo(this.unit);
	}

	/**
	 * Returns when the period that holds an instant ends and a new budget starts.
	 * @param now the instant
	 * @return the period's end
	 */
	public Instant reset(Instant now) {
		return start(now).plus(1, this.unit);
	}

}
