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

package io.github.deepseekstarter.protocol;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Calls the constructors of the wire records directly. Jackson 3 calls a constructor of
 * several parameters through {@code MethodHandle#invokeWithArguments}, which builds a
 * spreading invoker on every call: a few percent of the client's CPU when every answer
 * and every streamed event is a tree of records. Any other type keeps Jackson's own
 * instantiator.
 */
final class WireCreators extends JacksonModule {

	private static final String WIRE_PACKAGE = "io.github.deepseekstarter.";

	@Override
	public String getModuleName() {
		return "deepseek-wire-creators";
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.addValueInstantiators(new ValueInstantiators.Base() {

			@Override
			public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier description, ValueInstantiator instantiator) {
				return direct(instantiator);
			}

		});
	}

	static ValueInstantiator direct(ValueInstantiator instantiator) {
		if (instantiator.getClass() != StdValueInstantiator.class || !instantiator.canCreateFromObjectWith()
				|| !(instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
			return instantiator;
		}
		Constructor<?> constructor = creator.getAnnotated();
		Class<?> type = constructor.getDeclaringClass();
		if (!type.isRecord() || !type.getName().startsWith(WIRE_PACKAGE) || !constructor.trySetAccessible()) {
			return instantiator;
		}
		return new DirectInstantiator((StdValueInstantiator) instantiator, constructor);
	}

	/**
	 * Jackson's instantiator, with the constructor called by reflection, which the JVM
	 * compiles to a direct call.
	 */
	static final class DirectInstantiator extends StdValueInstantiator {

		private final Constructor<?> constructor;

		DirectInstantiator(StdValueInstantiator source, Constructor<?> constructor) {
			super(source);
			this.constructor = constructor;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] args) {
			try {
				return this.constructor.newInstance(args);
			}
			catch (InvocationTargetException ex) {
				throw rewrapCtorProblem(context, ex.getCause());
			}
			catch (ReflectiveOperationException | IllegalArgumentException ex) {
				throw rewrapCtorProblem(context, ex);
			}
		}

	}

}
