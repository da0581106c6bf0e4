package dev.heapscope.jmx;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotificationEmitter;
import javax.management.ReflectionException;
import javax.management.StandardEmitterMBean;

/**
 * An MXBean whose MBeanInfo carries the {@link Description} and {@link Param} texts of its interface,
 * and whose failures leave as JDK exceptions ({@link JmxErrors}). Every heapscope bean is one of these,
 * so the descriptions and the error mapping are written once.
 */
final class DescribedMBean extends StandardEmitterMBean {

    private final Class<?> mxbeanInterface;

    /**
     * @throws IllegalStateException when a member of the interface has no description or a parameter
     *                               no name: a programming error, caught by any test that starts heapscope
     */
    <T> DescribedMBean(T implementation, Class<T> mxbeanInterface, NotificationEmitter emitter) {
        super(implementation, mxbeanInterface, true, emitter);
        this.mxbeanInterface = mxbeanInterface;
        requireDescribed(mxbeanInterface);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException,
            ReflectionException {
        try {
            return super.getAttribute(attribute);
        } catch (RuntimeException e) {
            throw JmxErrors.toJdk(e);
        }
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws MBeanException,
            ReflectionException {
        try {
            return super.invoke(operation, params, signature);
        } catch (RuntimeException e) {
            throw JmxErrors.toJdk(e);
        }
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return mxbeanInterface.getAnnotation(Description.class).value();
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return getter(info.getName()).getAnnotation(Description.class).value();
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return operation(info).getAnnotation(Description.class).value();
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        return operation(info).getAnnotation(Description.class).impact();
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return param(op, sequence).name();
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return param(op, sequence).description();
    }

    private Param param(MBeanOperationInfo op, int sequence) {
        return operation(op).getParameters()[sequence].getAnnotation(Param.class);
    }

    private Method getter(String attribute) {
        return Arrays.stream(mxbeanInterface.getMethods())
                .filter(m -> m.getParameterCount() == 0)
                .filter(m -> m.getName().equals("get" + attribute) || m.getName().equals("is" + attribute))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no getter for attribute " + attribute));
    }

    // heapscope's MXBean interfaces do not overload operations, so a name and an arity identify one
    private Method operation(MBeanOperationInfo info) {
        return Arrays.stream(mxbeanInterface.getMethods())
                .filter(m -> m.getName().equals(info.getName()))
                .filter(m -> m.getParameterCount() == info.getSignature().length)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no method for operation " + info.getName()));
    }

    private static void requireDescribed(Class<?> mxbeanInterface) {
        require(mxbeanInterface.isAnnotationPresent(Description.class), mxbeanInterface.getName());
        for (Method method : mxbeanInterface.getMethods()) {
            require(method.isAnnotationPresent(Description.class), method.toString());
            for (Parameter parameter : method.getParameters()) {
                require(parameter.isAnnotationPresent(Param.class), parameter + " of " + method);
            }
        }
    }

    private static void require(boolean described, String member) {
        if (!described) {
            throw new IllegalStateException(member + " has no @Description/@Param: every attribute, operation"
                    + " and parameter of a heapscope MXBean must be described for JConsole");
        }
    }
}
